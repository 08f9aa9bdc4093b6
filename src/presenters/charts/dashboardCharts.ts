import type { DashboardFigures } from '../../services/dashboardService'
import { FAMILY_LABEL } from '../presentFindings'
import type { Chart } from './chart'
import { findingsOverTimeChart } from './findingsOverTime'
import { type BandCount, riskDistributionChart } from './riskDistribution'
import { timeToDecisionChart } from './timeToDecision'
import { workloadChart } from './workload'

/** The dashboard's four pictures, in reading order: where the risk is, who holds the work, what is found, how long decisions take. */
export function dashboardCharts(bands: BandCount[], figures: DashboardFigures): Chart[] {
  const families = [...new Set([...Object.keys(FAMILY_LABEL), ...figures.flagsByFamily.keys()])].map(key => ({
    key,
    label: FAMILY_LABEL[key] ?? key,
    counts: figures.flagsByFamily.get(key) ?? figures.weeks.map(() => 0),
  }))
  return [riskDistributionChart(bands), workloadChart(figures.workload), findingsOverTimeChart(figures.weeks, families), timeToDecisionChart(figures.decisions)]
}
