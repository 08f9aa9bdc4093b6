import { describeHit, screeningHits } from './sanctionsScreening'
import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'sanctions-organisation-hit',
    version: 2,
    title: 'An employer, payee or reference’s company is a designated entity',
    rationale:
      'DPRK IT workers are employed through designated front companies (Yanbian Silverstar, Volasys Silver Star, Chinyong). An employer on the resume, a company payee or a referee’s company whose name equals a listed entity’s name or alias, once legal forms, punctuation and spacing are set aside, blocks sign-off until a security reviewer has looked at it. So does a long name written with one slip of the keyboard inside a long word ("Netwrok", "Silvestar"), when only one listed name is that near; a slip in a short word or a first letter is how different companies’ names differ (HODA/HOMA, YONGJIN/PYONGJIN on the list itself), so it is not matched.',
    category: 'sanctions',
    severity: 'critical',
    strength: 'strong',
    indicators: ['PY-SDN-WALLET', 'CV-UNVERIFIABLE-EMPLOYER'],
    sources: ['G11: OFAC designations of Yanbian Silverstar, Volasys Silver Star (2018) and Chinyong (2023)', 'D2: OFAC SDN list (sdn.csv)'],
    requires: ['resume employers, payment.account_holder or references[].company'],
    knownFalsePositives: ['an unrelated company with exactly the same name in another country (check registration numbers)', 'an unrelated company whose long name is one letter from a listed one'],
    checklist: ['A security reviewer compares the company’s registration details with the SDN entry', 'Do not pay or contract until cleared'],
    refdata: ['sanctions'],
    blocking: true,
  },
  evaluate(facts, ctx) {
    const { hits, evidence, screened } = screeningHits(facts, ctx.ref)
    if (!screened) return notApplicable('resume employers, payment.account_holder or references[].company')
    const found = hits.filter(h => h.kind === 'organisation')
    if (!found.length) return { status: 'clear', message: `No employer, payee or reference’s company is a listed entity (${ctx.ref.version('sanctions')}).`, evidence: [] }
    return { status: 'flag', message: `${found.map(describeHit).join('; ')}.`, evidence: found.map(h => ({ ...(evidence.get(h.where) ?? { field: 'organisation', value: h.value, source: 'application', where: h.where }), value: { given: h.value, listed: h.matched, entry: h.entry } })) }
  },
}
