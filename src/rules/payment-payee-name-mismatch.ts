import { looksLikeCompany } from '../domain/names'
import { NAME_IN_COMMON, samePersonName } from '../domain/samePersonNames'
import { intermediaryLabel, isIntermediaryPayee } from '../domain/intermediary'
import { declaredIntermediary } from './helpers'
import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'payment-payee-name-mismatch',
    version: 5,
    title: 'Pay to an account in another name',
    rationale:
      'Workers route pay through accounts held by facilitators or front companies. A payout account whose holder is not the applicant (allowing for how one person writes their own name: middle and maternal names, initials, word order, case, accents, given names joined or split, a holder name in another script (Hangul, Chinese, Cyrillic, Arabic) or romanisation (RR, MR, Yale, pinyin, Wade–Giles) — while one changed syllable, as Jeon/Jeong, is another name) is the request the advisories single out. A holder who shares one whole name with the applicant and nothing else ("Peter Oh" / "OH JINDONG", "Kim Minjun" / "Kim Soyeon") is reported as that, a weaker reading: a preferred name beside a legal one that does not contain it, and a spouse’s or parent’s account, look so, and are far commoner among people whose legal and everyday names differ, so at full strength it would weigh on them for how they name themselves. The trade-off: a facilitator’s account that happens to share the persona’s family name (or a persona named after it) weighs little alone and is caught by the other evidence and by the checklist’s verification of the holder against the ID. Pay to the staffing agency or employer of record the application declares it came through is how that arrangement works: the agency pays the worker, so it is set aside (the checklist verifies the agency).',
    category: 'payment',
    severity: 'high',
    strength: 'strong',
    indicators: ['PY-NAME-MISMATCH'],
    sources: ['G1: "requesting use of a different account, especially if registered to a different name"', 'G1 mitigation: require payment to accounts in the worker’s own name'],
    requires: ['person.fullName', 'payment.account_holder'],
    knownFalsePositives: ['a name changed by marriage or legal process', 'a sole trader’s registered business name', 'a romanisation the comparison does not know (a spelling outside its tables)'],
    checklist: ['Verify that the payout account is held in the name on the verified ID (bank letter or statement header)', 'If the applicant invoices through a company, verify the company and the applicant’s ownership of it'],
  },
  evaluate(facts) {
    const name = facts.person.fullName
    const payment = facts.payment
    const holder = payment?.value.account_holder
    if (!name || !holder) return notApplicable(...(!name ? ['person.fullName'] : []), ...(!holder ? ['payment.account_holder'] : []))
    const evidence = [name.evidence, payment!.evidence]
    const cmp = samePersonName(name.value, holder)
    // Not contradicted, not confirmed either (a given name in kanji or Chinese characters): clear, saying so for the ID check.
    if (cmp.same && cmp.cannotTell) return { status: 'clear', message: `The payout account holder "${holder}" may be the applicant (${name.value}): nothing contradicts it, but ${cmp.cannotTell}.`, evidence }
    if (cmp.same) return { status: 'clear', message: `The payout account holder "${holder}" is the applicant.`, evidence }
    const company = looksLikeCompany(holder)
    const agency = declaredIntermediary(facts)
    if (agency && isIntermediaryPayee(agency, holder)) {
      return { status: 'clear', message: `Pay goes to the declared agency (${intermediaryLabel(agency)}), which pays the applicant: verify the agency and its contract with ${name.value}.`, evidence: [...evidence, facts.intermediary!.evidence] }
    }
    if (!company && cmp.sharesOneName) {
      return {
        status: 'flag',
        message: `Pay is to go to an account held by "${holder}", which shares only "${cmp.sharesOneName}" with the applicant's name (${name.value}): a preferred name beside the legal one, a relative's account, or another person's.`,
        evidence: [...evidence, { field: NAME_IN_COMMON, value: cmp.sharesOneName, source: 'rule', where: 'the applicant’s name and the holder’s compared' }],
      }
    }
    return {
      status: 'flag',
      message: company
        ? `Pay is to go to a company account ("${holder}"), not to ${name.value}.`
        : `Pay is to go to an account held by "${holder}", which is not the applicant's name (${name.value}).`,
      evidence,
    }
  },
}
