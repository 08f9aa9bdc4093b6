import fs from 'node:fs'
import path from 'node:path'
import { recogniseNote, isObservationCode, type NoteCode } from './interviewNotes'

/**
 * Phrasing sets in tests/fixtures/interview-notes (see its README): `expected | text`, where expected is
 * `-` or observations separated by ";", each a comma list of acceptable codes.
 */
function readSet(file: string): Array<{ text: string; groups: string[][] }> {
  return fs
    .readFileSync(path.resolve(__dirname, '../../tests/fixtures/interview-notes', file), 'utf8')
    .split('\n')
    .filter(l => l.trim() && !l.startsWith('#'))
    .map(l => {
      const i = l.indexOf(' | ')
      const exp = l.slice(0, i).trim()
      return { text: l.slice(i + 3), groups: exp === '-' ? [] : exp.split(';').map(g => g.split(',').map(c => c.trim())) }
    })
}
/**
 * held-out-4.txt was written with code names from the lead's brief, not ours (the brief's list was written
 * from memory). This table, fixed before the set was read, turns each into the codes a reviewer could tick
 * here; a note with an observation no code of ours records (refusing an office visit, payment pressure) is
 * left out, since nothing says what the matcher should raise for it.
 */
const BRIEF_CODES: Record<string, string[]> = {
  camera_refused: ['camera_off'],
  camera_failed: ['camera_off', 'liveness_failed'],
  voice_changer: ['voice_changer'],
  // Corrected after the one measurement (see below): the brief defined these as "looked different from the
  // photo / ID / previous interview" and "could not answer about their own claimed past", which our
  // id_mismatch and local_knowledge_gap also record.
  appearance_drift: ['appearance_drift', 'id_mismatch'],
  deepfake_artifacts: ['liveness_failed', 'appearance_drift'],
  scripted_answers: ['reading_answers'],
  coached_answers: ['crowded_room', 'reading_answers'],
  evasive_location: ['local_knowledge_gap', 'virtual_background'],
  evasive_identity: ['id_not_shown', 'id_mismatch', 'plausible_wrong_answers', 'local_knowledge_gap'],
  multiple_people: ['crowded_room', 'appearance_drift'],
  refused_onsite: [],
  payment_evasive: [],
}
function readBriefSet(file: string): { rows: Array<{ text: string; groups: string[][] }>; left: number } {
  const all = readSet(file)
  const rows = all
    .map(r => ({ text: r.text, groups: r.groups.map(g => [...new Set(g.flatMap(c => BRIEF_CODES[c] ?? [`unknown:${c}`]))]) }))
    .filter(r => r.groups.every(g => g.length > 0))
  return { rows, left: all.length - rows.length }
}

/** Recall over observations (any acceptable code found), precision over recognised codes. */
function measure(file: string, given?: Array<{ text: string; groups: string[][] }>) {
  let observations = 0, found = 0, predicted = 0, right = 0
  const differing: string[] = []
  const rows = given ?? readSet(file)
  for (const { text, groups } of rows) {
    const got = recogniseNote(text).map(m => m.code as string)
    const ok = new Set(groups.flat())
    observations += groups.length
    const f = groups.filter(g => g.some(c => got.includes(c))).length
    found += f
    predicted += got.length
    const r = got.filter(c => ok.has(c)).length
    right += r
    if (f < groups.length || r < got.length) differing.push(`${text} → [${got.join(',')}]`)
  }
  return { notes: rows.length, positives: rows.filter(r => r.groups.length).length, recall: found / observations, precision: right / predicted, differing }
}

/**
 * Notes as different reviewers write them: terse, chatty, hedged, negated. Each row: the note and the codes
 * it should give (none for notes that only say what was fine). Measured precision and recall are printed
 * and held to a floor, so a phrase list change that loses ground fails here.
 */
const TABLE: Array<[string, NoteCode[]]> = [
  // the phrasings independent testing found missed
  ['reading his answers', ['reading_answers']],
  // Porter stems "googling" and "Google" alike: a Google Voice number is no sign of looking answers up.
  ['Uses a Google Voice number for job hunting.', []],
  ['was looking things up before each answer', ['reading_answers']],
  ['voice sounded different', ['voice_changer']],
  ['face glitched when he waved', ['liveness_failed']],
  ['kept the camera off', ['camera_off']],
  ['someone else seemed to be answering', ['appearance_drift']],
  // camera
  ['Candidate said his webcam was broken and joined audio only.', ['camera_off']],
  ['Cam stayed off the whole call', ['camera_off']],
  ["Wouldn't turn on her camera even when asked twice", ['camera_off']],
  ['Joined with a black screen, said the camera driver crashed', ['camera_off']],
  ['No video. Audio only.', ['camera_off']],
  ['Refused a video call, asked for a phone call only', ['declined']],
  ['Camera was on the whole time.', []],
  ['Camera on, good lighting, no camera issues', []],
  ['Video worked fine after he restarted his browser', []],
  // identity
  ['Looked like a different person in the second round', ['appearance_drift']],
  ['2nd interview: not the same guy as the 1st one, different hair and face shape', ['appearance_drift']],
  ['I suspect a stand-in did the technical round', ['appearance_drift']],
  ['After the reconnect his voice was noticeably deeper', ['voice_changer']],
  ['Sounded like a different person after dropping off and rejoining', ['voice_changer']],
  ['Face blurred whenever she put her hand in front of it', ['liveness_failed']],
  ['When asked to turn his head the edges of his face flickered', ['liveness_failed']],
  ['Possible deepfake - jawline warped when he moved', ['liveness_failed']],
  ['Lips out of sync with the audio throughout', ['liveness_failed']],
  ['Refused to wave his hand in front of his face', ['liveness_failed']],
  ['Would not hold up his ID next to his face', ['id_not_shown']],
  ['Only showed a screenshot of the passport, no physical document', ['id_not_shown']],
  ["Didn't look like the photo on his driving licence", ['id_mismatch']],
  ['Person on camera looked nothing like the ID photo', ['id_mismatch']],
  ['Did the liveness prompts without any problem, looked like his ID', []],
  ['Held his passport next to his face, matched.', []],
  ['Same person as round one, same voice.', []],
  ["Didn't look like a different person to me", []],
  ['Waved his hand in front of his face as asked; no glitches', []],
  // reading, stalling, wrong answers
  ['Eyes kept scanning left to right as if reading', ['reading_answers']],
  ['Long pauses before every answer, then textbook definitions', ['reading_answers']],
  ['Kept glancing off to the side before responding', ['reading_answers']],
  ['Could hear typing before each answer', ['reading_answers']],
  ['seemed to be reading off a second screen', ['reading_answers']],
  ['Someone was feeding him answers, you could hear whispering', ['reading_answers']],
  ['Gave confident but wrong answers on Kubernetes networking', ['plausible_wrong_answers']],
  ['no sign of reading', []],
  ['Answered promptly with no long pauses', []],
  ["Didn't seem to be reading from anything", []],
  ['Took a moment to think about the design question, then answered well', []],
  ['No doubt he was reading from a script', ['reading_answers']],
  // home, background, room
  ["Couldn't name a single street near where he claims to live", ['local_knowledge_gap']],
  ['Very vague about the neighbourhood he lives in', ['local_knowledge_gap']],
  ['No idea what the weather was like in his city this week', ['local_knowledge_gap']],
  ['Described his commute and neighbourhood in detail', []],
  ['Virtual background the whole time and would not turn it off', ['virtual_background']],
  ['Refused to disable the blur when asked', ['virtual_background']],
  ['Blurred background, turned it off when asked', []],
  ['Real home office behind him, no virtual background', []],
  ['Could hear several other voices, sounded like a call centre', ['crowded_room']],
  ['Lots of people talking in the background', ['crowded_room']],
  ['Quiet room, nobody else around', []],
  // several in one note, and mixed
  ['Camera off for the first ten minutes. When it came on, eyes darting to the side.', ['camera_off', 'reading_answers']],
  ['No camera problems. Long pauses before each answer; could not describe his neighbourhood.', ['reading_answers', 'local_knowledge_gap']],
  ['Good candidate, clear answers, matched ID, camera on.', []],
  ['Strong on React, weak on SQL. Would interview again.', []],
]

/**
 * Round two: written after the first phrase lists, measured once (precision 0.750, recall 0.600), then the
 * general misses fixed (word order, "took over", "line up", a 10-second silence). Now part of the table.
 */
const ROUND_TWO: Array<[string, NoteCode[]]> = [
  // What held-out-7.txt taught (2026-12-06): a problem undone in the next words, a sign for "not", shorthand,
  // an initial that ends no sentence, "cloud native" as software, a document against the application.
  ['Connection froze when she turned her head; we redid the check and it passed.', []],
  ['Froze every time I asked him to turn his head.', ['liveness_failed']],
  ['Joined with the camera off by accident, switched it on as soon as I mentioned it.', []],
  ['Video stayed off even after I asked him to turn it on.', ['camera_off']],
  ['Asked him to drop the virtual background and he did at once.', []],
  ['Voice sounded tinny at first; turned out his headset battery was low.', []],
  ['no one else in the room, no whispering, camera on', []],
  ['passport photo != guy on cam', ['id_mismatch']],
  ['Refused to show his ID on camera.', ['id_not_shown']],
  ['Name on the licence read "Daniel R. Moore", but the CV and email say Daniel Morris.', ['id_mismatch']],
  ['Lots of buzzwords about cloud native tooling, nothing concrete.', ['plausible_wrong_answers']],
  ['He did not seem to be a different person; consistent with the screening call.', []],
  ["Didn't look like a different person to me", []],
  ['The new starter does not appear to be the individual we interviewed.', ['appearance_drift']],
  ['Didn\'t know how Raft leader election works; said she would read up.', []],
  ['He had his video disabled and said his laptop camera was not working', ['camera_off']],
  ['She never switched her camera on', ['camera_off']],
  ['Only audio, claimed bandwidth problems', ['camera_off']],
  ['Camera on from start to finish', []],
  ['Insisted on a voice-only call', ['declined']],
  ['Guy in round 2 was clearly not the person from round 1', ['appearance_drift']],
  ['Think another person took over halfway through the call', ['appearance_drift']],
  ['Voice changed completely after he dropped and came back', ['voice_changer']],
  ['His mouth movements did not line up with what we heard', ['liveness_failed']],
  ['Image went weird around his face when he turned sideways', ['liveness_failed']],
  ['Turned his head left and right when asked, no issues', []],
  ['Declined to show any ID on camera', ['id_not_shown']],
  ['Showed his passport, photo matched', []],
  ['Person on the call did not resemble the passport photo at all', ['id_mismatch']],
  ['The face on the ID and the face on the call were different people', ['id_mismatch']],
  ['Every answer came after a 10 second silence', ['reading_answers']],
  ['Looked like he was reading from notes off camera', ['reading_answers']],
  ['Eyes moving side to side like reading text', ['reading_answers']],
  ['Answered naturally, good eye contact', []],
  ['Answers sounded rehearsed and he could not explain them when pushed', []],
  ['Gave plausible-sounding but incorrect explanations of his own project', ['plausible_wrong_answers']],
  ['Could not tell me anything about the area he says he lives in', ['local_knowledge_gap']],
  ['Dodged questions about his hometown', ['local_knowledge_gap']],
  ['Talked happily about his city and favourite restaurants', []],
  ['Used a fake office background and refused to remove it', ['virtual_background']],
  ['Plain wall behind her', []],
  ['Constant chatter of other people on calls behind him', ['crowded_room']],
  ['Heard a dog barking once', []],
  ['He wasn’t reading, answers were spontaneous', []],
  ['There was no long pause anywhere', []],
]

/**
 * Written as held out after round two's fixes (measured then: precision 1.000, recall 0.267). Its misses were
 * seen while the phrase lists were widened for issue 14 part 6, so it is no longer held out: the honest
 * held-out figures are those of tests/fixtures/interview-notes/held-out.txt below.
 */
const HELD_OUT: Array<[string, NoteCode[]]> = [
  ['Interviewee kept video muted for the entire session', ['camera_off']],
  ['Turned camera on only for the last 2 minutes', []],
  ["Said she doesn't do video interviews", ['declined']],
  ['Hairline and glasses different from the first call, and he seemed taller', ['appearance_drift']],
  ['I am fairly sure a different person did the coding test than the one I spoke to', ['appearance_drift']],
  ['Sound of his voice shifted mid-call, almost like a filter kicked in', ['voice_changer']],
  ['Asked him to put a hand over his face; the video smeared badly', ['liveness_failed']],
  ['Passed the liveness prompts', []],
  ['Kept his ID out of frame and changed the subject', ['id_not_shown']],
  ['ID photo was a much heavier man with a different nose', ['id_mismatch']],
  ['Looked down at something before every reply', ['reading_answers']],
  ['Visible pauses of several seconds while he scrolled', ['reading_answers']],
  ['He paused now and then to think, nothing unusual', []],
  ['Could not say which district his office was in', ['local_knowledge_gap']],
  ['Knew his neighbourhood well', []],
  ['Background was a beach picture; he would not switch it off', ['virtual_background']],
  ['Background blurred, which is our default setting', []],
  ['Background noise like a busy open-plan office with many calls going on', ['crowded_room']],
  ['No one else in the room', []],
  ['Confidently described a Postgres feature that does not exist', ['plausible_wrong_answers']],
  ['Excellent answers throughout, camera on, ID matched', []],
  ['Did not seem to have anyone helping him', []],
  ['Someone off screen was clearly telling him what to say', ['reading_answers']],
  ['Joined from a car, camera shaky but on', []],
]

describe('phrasing sets written before the phrase lists were read (issue 14 part 6)', () => {
  const report = (name: string, r: ReturnType<typeof measure>) =>
    process.stdout.write(`interviewNotes ${name}: ${r.notes} notes (${r.positives} with an observation): recall ${r.recall.toFixed(3)}, precision ${r.precision.toFixed(3)}${r.differing.length ? `; differing: ${r.differing.join(' | ')}` : ''}\n`)
  it('development sets (tuned on): dev.txt and dev2.txt', () => {
    for (const file of ['dev.txt', 'dev2.txt']) {
      const r = measure(file)
      report(file, r)
      expect(r.recall).toBeGreaterThanOrEqual(0.95)
      expect(r.precision).toBeGreaterThanOrEqual(0.95)
    }
  })
  it('held-out.txt: 185 notes, measured once, then its misses fixed (a development set since)', () => {
    const r = measure('held-out.txt')
    report('held-out.txt', r)
    // Measured once, after tuning on dev.txt, dev2.txt and the tables here: recall 0.898, precision 0.964.
    expect(r.recall).toBeGreaterThanOrEqual(0.95)
    expect(r.precision).toBeGreaterThanOrEqual(0.95)
  })
  it('held-out-2.txt: 162 notes, measured once, then its misses fixed (a development set since)', () => {
    const r = measure('held-out-2.txt')
    report('held-out-2.txt', r)
    // Measured once, after fixing held-out.txt's misses: recall 0.791, precision 0.968.
    expect(r.recall).toBeGreaterThanOrEqual(0.95)
    expect(r.precision).toBeGreaterThanOrEqual(0.95)
  })
  it('held-out-4.txt: written blind by another hand, measured once, then its misses fixed (a development set since)', () => {
    const { rows, left } = readBriefSet('held-out-4.txt')
    expect(rows.every(r => r.groups.flat().every(c => !c.startsWith('unknown:')))).toBe(true)
    const r = measure('held-out-4.txt', rows)
    report(`held-out-4.txt (${left} notes without a code of ours left out)`, r)
    expect(r.notes).toBeGreaterThanOrEqual(100)
    // Measured once, untouched, at 2026-12-04 19:11 UTC: recall 0.577, precision 0.898 (119 notes, 68 with
    // an observation); with the two mapping corrections above, 0.603 and 0.959. Another hand, other words:
    // the phrase lists read their authors' wording far better than a stranger's. Then its misses were fixed
    // (contractions typed without an apostrophe, a camera that fails exactly when asked to show the face,
    // an earpiece, people at desks behind, "bg"): 0.910 and 0.986 — a development set since. What is left
    // is by design (a sentence that mentions age is not read) or needs meaning, not phrases (a blurred
    // background that "came on when asked" against one turned off when asked).
    expect(r.recall).toBeGreaterThanOrEqual(0.9)
    expect(r.precision).toBeGreaterThanOrEqual(0.95)
  })
  // Sets with a floor on their size, each measured once before anything was fixed from it; the history
  // says what happened to each since.
  it.each([
    {
      title: 'held-out-3.txt: 152 notes kept aside, never tuned on',
      file: 'held-out-3.txt',
      keptAside: true,
      notes: 150,
      // Measured once, after fixing held-out-2.txt's misses: recall 0.895, precision 0.989. Phrase lists miss
      // wording they were not built from (three rounds: 0.898, 0.791, 0.895); the floor holds precision,
      // which decides whether a flag can be trusted.
      recall: 0.85,
      precision: 0.95,
    },
    {
      title: 'held-out-5.txt: written blind by another hand with our codes, measured once, then its misses fixed (a development set since)',
      file: 'held-out-5.txt',
      notes: 130,
      // Measured once, untouched, at 2026-12-04 19:15 UTC, after held-out-4's fixes: recall 0.680, precision
      // 0.932. Two blind sets by other hands (0.603 and 0.680) say what the phrase lists do on a stranger's
      // words. On 2026-12-05, after held-out-6.txt was written blind, its misses were fixed: 0.920 and 0.948.
      // What is left is by design (a sentence that mentions age is not read) or needs meaning ("rather than
      // bluffing", a background "turned off without being asked", a camera off "while Zoom loaded").
      recall: 0.9,
      precision: 0.93,
    },
    {
      title: 'held-out-6.txt: written blind by another hand with our codes, kept aside for two rounds, then its misses fixed (a development set since)',
      file: 'held-out-6.txt',
      notes: 130,
      // Measured once, untouched, at 2026-12-05 22:27 UTC: recall 0.690, precision 0.945 with the matcher before
      // held-out-5's fixes; 0.720 and 0.947 after them; 0.740 and 0.937 after held-out-7's (2026-12-06 02:48).
      // Its misses were then seen (this test prints them, and a CI log showed them) and fixed: a development set
      // since. The set kept aside now is held-out-8.txt, whose misses this test does not print.
      recall: 0.95,
      precision: 0.95,
    },
    {
      title: 'held-out-7.txt: written blind by another hand with our codes, measured once, then its misses fixed (a development set since)',
      file: 'held-out-7.txt',
      notes: 130,
      // Measured once, untouched, at 2026-12-06 02:38 UTC: recall 0.638, precision 0.838 (notes in shorthand,
      // terse fields, hedged and second-language English). Its false alarms were problems the note then
      // undoes (a freeze followed by a passed check, a tinny voice that "turned out" to be the headset, a
      // background switched off at once) and a "not" reaching past a comma; its misses, wording: generic
      // answers, "doubled down", a document against the application, "!=". Fixed: 0.981 and 1.000. What is
      // left needs meaning (hot and sunny where it snowed; a beard and weight another colleague saw).
      recall: 0.95,
      precision: 0.95,
    },
    {
      title: 'held-out-8.txt: written blind by another hand with our codes (ATS fields, Slack threads, timelines), kept aside, never tuned on',
      file: 'held-out-8.txt',
      notes: 130,
      keptAside: true,
      // Measured once, at 2026-12-06 02:57 UTC, after held-out-6's and held-out-7's fixes: recall 0.695, precision
      // 0.880. Five blind sets by other hands (0.603, 0.680, 0.720, 0.638, 0.695): phrase lists read a stranger's
      // wording about seven times in ten. The floors guard against a regression; they are not a target.
      recall: 0.65,
      precision: 0.85,
    },
  ] as Array<{ title: string; file: string; notes: number; recall: number; precision: number; keptAside?: boolean }>)('$title', ({ file, notes, recall, precision, keptAside }) => {
    const r = measure(file)
    // A set kept aside is measured, not read: its misses are not printed.
    report(file, keptAside ? { ...r, differing: [] } : r)
    expect(r.notes).toBeGreaterThanOrEqual(notes)
    expect(r.recall).toBeGreaterThanOrEqual(recall)
    expect(r.precision).toBeGreaterThanOrEqual(precision)
  })
})

/** Notes that talk about accent, language or origin: never a signal (INDICATORS.md §3). */
const PROTECTED_NOTES = [
  'Strong accent, hard to follow at times',
  'Speaks English with a Korean accent',
  'His English was limited',
  'Native Mandarin speaker',
  'Said he is a Chinese national working from Vietnam',
  'Looks Asian, in his twenties',
  'Her accent changed between the two calls',
  'Long pauses while she translated the questions in her head',
  'Sounded foreign, different accent to the one I expected',
  'Grammar mistakes in every answer',
  'Spoke Russian to someone off camera',
  'Pronunciation was different from the first call',
]

describe('recogniseNote', () => {
  const score = { tp: 0, fp: 0, fn: 0 }
  const misses: string[] = []
  afterAll(() => {
    const precision = score.tp / (score.tp + score.fp)
    const recall = score.tp / (score.tp + score.fn)
    process.stdout.write(`interviewNotes table: ${TABLE.length + ROUND_TWO.length} notes, ${score.tp + score.fn} expected codes: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}${misses.length ? `; differing: ${misses.join(' | ')}` : ''}\n`)
  })

  it.each([...TABLE, ...ROUND_TWO])('%j', (note, expected) => {
    const got = recogniseNote(note).map(m => m.code)
    score.tp += got.filter(c => expected.includes(c)).length
    score.fp += got.filter(c => !expected.includes(c)).length
    score.fn += expected.filter(c => !got.includes(c)).length
    if (got.sort().join() !== [...expected].sort().join()) misses.push(`${note} → [${got.join(',')}]`)
  })

  const held = { tp: 0, fp: 0, fn: 0 }
  const heldMisses: string[] = []
  afterAll(() => {
    process.stdout.write(`interviewNotes held out: ${HELD_OUT.length} notes, ${held.tp + held.fn} expected codes: precision ${(held.tp / (held.tp + held.fp)).toFixed(3)}, recall ${(held.tp / (held.tp + held.fn)).toFixed(3)}${heldMisses.length ? `; differing: ${heldMisses.join(' | ')}` : ''}\n`)
  })
  it('the earlier held-out table (seen since)', () => {
    for (const [note, expected] of HELD_OUT) {
      const got = recogniseNote(note).map(m => m.code)
      held.tp += got.filter(c => expected.includes(c)).length
      held.fp += got.filter(c => !expected.includes(c)).length
      held.fn += expected.filter(c => !got.includes(c)).length
      if (got.sort().join() !== [...expected].sort().join()) heldMisses.push(`${note} → [${got.join(',')}]`)
    }
    // Measured when written: precision 1.000, recall 0.267 (4 of 15). Phrase lists miss wording they have
    // not seen; the floor keeps precision, which is what decides whether a flag can be trusted.
    expect(held.tp / (held.tp + held.fp)).toBeGreaterThanOrEqual(0.9)
    expect(held.tp / (held.tp + held.fn)).toBeGreaterThanOrEqual(0.25)
  })

  it('holds precision and recall over the table', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40)
    expect(score.tp / (score.tp + score.fp)).toBeGreaterThanOrEqual(0.95)
    expect(score.tp / (score.tp + score.fn)).toBeGreaterThanOrEqual(0.9)
  })

  it('quotes the phrase and says where it is', () => {
    const note = 'Good rapport.\nKept the camera off; said the webcam was broken.'
    const m = recogniseNote(note)[0]!
    expect(m).toMatchObject({ code: 'camera_off', quote: 'Kept the camera off', line: 2 })
    expect(note.slice(m.start, m.end)).toBe(m.quote)
    expect(recogniseNote("Couldn't name a single street")[0]?.quote).toBe("Couldn't name a single street")
  })

  it.each(PROTECTED_NOTES)('never fires on accent, language or origin: %j', note => {
    expect(recogniseNote(note)).toEqual([])
  })

  it('gives the same answer whatever a note adds about accent, language or nationality (counterfactual)', () => {
    for (const [note] of [...TABLE, ...ROUND_TWO, ...HELD_OUT]) {
      const alone = recogniseNote(note).map(m => m.code)
      for (const extra of PROTECTED_NOTES) {
        expect(recogniseNote(`${note}. ${extra}.`).map(m => m.code)).toEqual(alone)
        expect(recogniseNote(`${extra}. ${note}`).map(m => m.code)).toEqual(alone)
      }
    }
    // and the same whichever origin a sentence names
    const template = (who: string) => `${who} accent; voice sounded different after the reconnect`
    const results = ['Korean', 'Texan', 'Nigerian', 'Scottish', 'Ukrainian'].map(w => recogniseNote(template(w)))
    for (const r of results) expect(r.map(m => [m.code, m.quote])).toEqual(results[0]!.map(m => [m.code, m.quote]))
  })

  it('tells codes from words', () => {
    expect(isObservationCode('reading_answers')).toBe(true)
    expect(isObservationCode('camera_off')).toBe(true)
    expect(isObservationCode('reading his answers')).toBe(false)
  })
})
