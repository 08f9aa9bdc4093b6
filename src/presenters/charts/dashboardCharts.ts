import type { DashboardFigures } from '../../services/dashboardService'
import type { Chart } from './chart'
import { findingsOverTimeChart } from './findingsOverTime'
import { type BandCount, riskDistributionChart } from './riskDistribution'
import { timeToDecisionChart } from './timeToDecision'
import { workloadChart } from './workload'

// The case page's family names (presentFindings keeps its own copy, not exported; keep the two in step).
const FAMILY_LABEL: Record<string, string> = {
  sanctions: 'Sanctions screening',
  links: 'Shared with other applications',
  identity: 'Identity and claims consistency',
  contact: 'Contact details',
  presence: 'Online presence',
  network: 'Network and access',
  logistics: 'Equipment shipping',
  payment: 'Payment',
  interview: 'Interview observations',
}

/** The dashboard's four pictures, in reading order: where the risk is, who holds the work, what is found, how long decisions take. */
export function dashboardCharts(bands: BandCount[], figures: DashboardFigures): Chart[] {
  const families = [...new Set([...Object.keys(FAMILY_LABEL), ...figures.flagsByFamily.keys()])].map(key => ({
    key,
    label: FAMILY_LABEL[key] ?? key,
    counts: figures.flagsByFamily.get(key) ?? figures.weeks.map(() => 0),
  }))
  return [riskDistributionChart(bands), workloadChart(figures.workload), findingsOverTimeChart(figures.weeks, families), timeToDecisionChart(figures.decisions)]
}
