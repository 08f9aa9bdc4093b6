import { PorterStemmer } from 'natural/lib/natural/stemmers'
import { WordTokenizer } from 'natural/lib/natural/tokenizers'

/**
 * Interview notes in reviewers' words (INDICATORS.md §2.5): recognises, in free text, what the structured
 * observation codes record, so "kept the camera off" counts like the camera_off code. Pure: text in,
 * matches out, each with the phrase it matched and where, so a reviewer can see why.
 *
 * Recognises observed events only. A sentence that mentions accent, language, nationality, ethnicity or age
 * is skipped whole (INDICATORS.md §3): nothing in it can count, whatever else it says.
 */

/** Codes of the interview form's observation boxes, plus one only written in words. */
export const OBSERVATION_CODES = [
  'appearance_drift',
  'liveness_failed',
  'voice_changer',
  'id_not_shown',
  'id_mismatch',
  'reading_answers',
  'plausible_wrong_answers',
  'local_knowledge_gap',
  'virtual_background',
  'crowded_room',
] as const
/** Values of the interview's video field that notes can supply. */
export const VIDEO_CODES = ['camera_off', 'declined'] as const
export type NoteCode = (typeof OBSERVATION_CODES)[number] | (typeof VIDEO_CODES)[number]

export interface NoteMatch {
  code: NoteCode
  /** the words matched, as the reviewer wrote them */
  quote: string
  /** the sentence they are in */
  sentence: string
  /** character offsets of the quote in the note, and its line (1-based) */
  start: number
  end: number
  line: number
}

/**
 * Phrases: slots separated by spaces, alternatives by "|", each word stemmed (Porter) so "reading his
 * answers" and "read the answer" both match "read answer". Up to `gap` other words may sit between slots
 * ("kept the camera off"). Order matters; both orders are written where reviewers use both.
 */
interface Phrase {
  p: string
  gap?: number
  /** the gap before each slot after the first, where they differ ("paused … before answering") */
  gaps?: number[]
  /** words that cancel the phrase when they follow it: "no camera issues" is not "no camera" */
  unless?: string
  /** the slots may also come in the reverse order ("camera broken" and "broken camera") */
  both?: boolean
  /** words that cancel the phrase when they sit between its slots: "refused to show ID on camera" is not a refused video call */
  notWithin?: string
}
const CAMERA = 'camera|webcam|video|cam'
const ID_DOC = 'id|identification|passport|licence|license|document|doc|card'
/** Identity documents only: "declined the card payment" is not about ID. */
const ID_STRICT = 'id|identification|passport|licence|license'
const PLACE = 'city|town|hometown|neighbourhood|neighborhood|area|street|district|suburb|local|landmark|landmarks|nearby|mountains|river|airport|stadium|commute|weather|office|zone|timezone|state|location|whereabouts|address|transit|subway|metro|tube|station|stations|bus|train'
/** What a worker knows about their own past job. */
const WORK = 'manager|boss|supervisor|colleague|colleagues|coworker|coworkers|teammate|teammates|team|employer|company|worked|timeline|dates|school|college|campus|uni|university|thesis|course|courses|degree|professor|professors'
const TROUBLE = 'issue|issues|problem|problems|glitch|glitches|lag|trouble|troubles|difficulty|concern|concerns|question|questions'
const LOOK = 'look|looked|looking|glance|glanced|glancing|stared|staring|peek|peeked|peeking'
const AWAY = 'away|aside|sideways|side|down|off'
const ANSWERING = 'answer|answers|answering|answered|reply|replying|replied|respond|responding|responded|response|responses|speaking'
const VOICE_ODD = 'robotic|synthetic|synthesized|synthesised|metallic|processed|modulated|mechanical|computerized|computerised|autotuned|tinny|distorted|altered|unnatural|fake|artificial|warped|filtered|vocoded'
const ARTEFACT = 'glitched|glitch|glitching|blurred|blur|blurry|blurring|smeary|smeared|smudged|smudgy|rippled|rippling|ghosting|ghosted|flickered|flicker|flickering|warped|warping|smeared|distorted|froze|frozen|pixelated|artefacts|artifacts|melted|jumped|morphed|morphing|shimmered|shimmering|pasted|overlaid|superimposed|lagged|lagging|disappeared|vanished|slid|slide|sliding|slipped|slipping|tore|torn|tearing'
const PHRASES: Record<NoteCode, Phrase[]> = {
  camera_off: [
    { p: `kept|had|left|turned|switched|stayed ${CAMERA} off|muted|disabled|dark`, gap: 2 },
    { p: `${CAMERA} off|broken|broke|disabled|covered|dark|black|muted|dead|faulty`, gap: 3 },
    { p: `disabled|muted|broken|covered ${CAMERA}`, gap: 1 },
    { p: `stayed|was|kept|remained|went off ${CAMERA}`, gap: 1 },
    { p: `turned|switched|kept|put off ${CAMERA}`, gap: 1 },
    { p: `not|never turn|switch|put|keep|use|enable|start|show ${CAMERA}`, gap: 3, unless: 'off' },
    { p: `refused|declined|avoided turn|switch|put|go|use|enable ${CAMERA}|on`, gap: 3 },
    { p: 'refused|declined|avoided show face', gap: 2 },
    { p: `${CAMERA} not|never work|on|working`, gap: 2 },
    { p: `${CAMERA} not|never open|opened|enabled`, gap: 4 },
    { p: `${CAMERA} stopped|quit|died work|working`, gap: 1 },
    { p: `${CAMERA} issue|issues|problem|problems|failed|failing|trouble|glitchy`, gap: 2 },
    { p: 'audio|voice|phone only', gap: 0 },
    { p: 'only audio|voice|sound', gap: 1 },
    { p: `no|without ${CAMERA}|face`, gap: 1, unless: TROUBLE },
    { p: 'black|blank|dark|grey|gray|empty screen|tile|square|box|rectangle', gap: 1 },
    // "then it went dark and stayed dark till the end"
    { p: 'went|stayed|turned|goes|gone dark|black|blank', gap: 1 },
    { p: 'never showed|show face', gap: 2 },
    { p: 'not|never see|saw|seen face', gap: 2 },
    { p: `${CAMERA} not|never saw|see|seen`, gap: 6 },
    { p: 'only|just profile|avatar|initials|tile|photo|picture', gap: 2, notWithin: 'emailed|email|sent|send|mailed|uploaded' },
  ],
  declined: [
    { p: 'refused|declined|rejected|avoided video|camera|zoom|teams call|interview|meeting|calls|interviews|chat', gap: 3, notWithin: ID_DOC },
    { p: 'video|camera|zoom interview|interviews|call|calls|slot|slots refused|declined|rejected|turned', gap: 5 },
    { p: 'refusal|refused|refuse|declined|unwilling appear|be|go|show on video|camera|zoom|screen', gap: 3, notWithin: ID_DOC },
    { p: 'not agree|want|do|accept video|camera|zoom|teams', gap: 3 },
    { p: 'refused|declined video|camera', gap: 1 },
    { p: 'skip|skipped|skipping|avoid|avoided video|camera|zoom', gap: 2 },
    { p: 'turned|turn down video|camera|zoom|teams', gap: 2 },
    { p: 'video|camera against policy|principles|rules', gap: 4 },
    { p: 'text|chat|email|messages|messaging only', gap: 4 },
    { p: 'countered|insisted|demanded|proposed with|on phone|audio|voice|text|chat|email', gap: 2 },
    { p: 'said|answered no video|camera|zoom|teams|interview', gaps: [0, 2] },
    { p: 'wanted|insisted|preferred|only over|via|through email|chat|text|slack|messages|telegram|whatsapp', gaps: [6, 1] },
    { p: 'unwilling|reluctant|resisted|objected|pushed video|camera|zoom', gap: 4, both: true },
    { p: 'only willing|wanted|agreed|communicate|talk|speak|interview|do|did|does|use|used slack|messages|messaging|text|chat|email|telegram|whatsapp|phone|audio', gap: 4 },
    { p: 'insisted|asked|wanted|preferred|requested audio|voice|phone|text|chat|email only|call|interview', gap: 3 },
    { p: 'only agree|agreed|accept|accepted|wanted|want audio|voice|phone|text|chat|email', gap: 3 },
    { p: 'instead of video|camera|zoom', gap: 1 },
    { p: 'over|by|via chat|phone|text|email|telegram|whatsapp instead', gap: 2 },
    { p: 'phone|audio|voice|text|chat|email screen|call|interview|questions instead', gap: 1 },
    { p: 'not comfortable video|camera', gap: 3 },
    { p: 'uncomfortable video|camera', gap: 3 },
    { p: 'rescheduled|cancelled|canceled|postponed video|camera', gap: 5 },
    { p: 'video|camera required|requested|needed rescheduled|cancelled|canceled|postponed', gap: 4 },
  ],
  appearance_drift: [
    { p: 'different person|man|woman|guy|individual|candidate|people|face', gap: 1 },
    { p: 'not the same person|man|woman|guy|individual|candidate|one', gap: 1 },
    { p: 'not sure|certain|convinced same person|man|woman|guy|individual|candidate', gap: 4 },
    { p: 'unsure|doubt|doubtful|whether same person|man|woman|guy|individual|candidate', gap: 4 },
    { p: 'not the person|man|woman|guy|candidate|one from|in|who|we', gap: 1 },
    { p: 'another|someone|somebody person|else took|taking over', gap: 2 },
    { p: 'someone|somebody else answering|answered|answer|speaking|spoke|talking|responding|interviewing|doing|typing', gap: 4, unless: 'interview|interviews|call|calls' },
    { p: 'another person|voice answering|answered|speaking|spoke|talking|responding', gap: 3 },
    { p: 'look|looked|appear|appeared differ|different|changed', gap: 2 },
    { p: 'appearance|face|facial|features|hair|hairline|hairstyle|glasses|person changed|change|different|differed', gap: 2 },
    { p: 'swapped|switched|replaced person|people|candidate|interviewee|someone', gap: 2 },
    { p: 'not who|whom interviewed|spoke|met|hired|saw', gap: 3 },
    { p: 'proxy|impostor|imposter|substitute|ringer', gap: 0 },
    { p: 'not look|looked like one|same|person|man|woman|guy|candidate|individual', gap: 4, notWithin: 'different|another|other|new' },
    { p: 'looked|look|looks|seemed like someone|somebody else', gap: 1 },
    { p: 'looked|look|looks|seemed like another|different person|man|guy|woman|individual', gap: 1 },
    { p: 'looked|look|looks nothing like', gap: 0 },
    { p: 'face|nose|jaw|jawline|ears|eyes|features|hairline not match|same', gap: 2 },
    { p: 'someone|somebody else sat|sit|took|take|stepped|step|swapped|came|come', gap: 3 },
    { p: 'little|no|bore resemblance man|woman|person|guy|one|candidate|him|her|interview|call|round|selfie|headshot|photo|photos|picture|pictures|profile', gap: 4 },
    { p: 'not appear|seem|seemed be person|man|woman|guy|individual|candidate|one', gap: 3, notWithin: 'different|another|other|new' },
    { p: 'stand in', gap: 0, unless: 'front|line|queue' },
    { p: 'body double', gap: 0 },
  ],
  liveness_failed: [
    { p: 'failed|fail liveness|prompts|check|checks', gap: 2 },
    { p: 'liveness failed|fail', gap: 4 },
    { p: 'deepfake|faceswap', gap: 0, unless: 'detection|detector|detectors|detecting|research|project|projects|model|models|work' },
    { p: 'deep fake', gap: 0 },
    { p: 'face swap|swapping|swapped', gap: 0 },
    { p: `face|hand|head|wave|waved|waving|skin|jaw|jawline|outline ${ARTEFACT}`, gap: 6 },
    { p: `${ARTEFACT} when|as|whenever hand|wave|waved|turned|moved|head|face`, gap: 4 },
    { p: 'artefact|artifact|filter|mask|overlay|weird|strange|odd around|on|over|near face|jaw|jawline|edges|eyes|mouth', gap: 3 },
    { p: 'face|skin|image|video looked|seemed|appeared animated|cartoonish|artificial|unnatural|unnaturally|synthetic|generated|rendered|fake|unreal', gap: 3 },
    { p: 'looked|look|seemed|appeared filter|mask|cartoon|avatar|deepfake', gap: 2 },
    { p: 'video|image|picture smeared|warped|warping|melted|morphed|morphing|shimmered|shimmering', gap: 3 },
    { p: 'looked|look|face|video|image|picture ai|computer generated', gap: 3 },
    { p: 'hand|hands|finger|fingers|glasses|hair through|into face', gap: 3 },
    // The camera fails exactly when asked to show the face, turn, or hold up an ID: "video dropped every time I asked".
    { p: 'cut|cuts|dropped|drops|froze|freezes|crashed|crashes|died|stopped asked|ask|asking', gap: 5 },
    { p: 'asked|ask|asking face|camera|cam|glasses|look|turn|profile cut|dropped|froze|frozen|crashed|died|stopped', gap: 4 },
    { p: 'crashed|froze|dropped|died id|face|glasses|passport|profile', gap: 6 },
    { p: 'mouth|lips|lip lagged|lagging|behind|trailed|trailing|delayed voice|audio|words', gap: 3 },
    { p: 'lip|lips sync|synch|syncing off|bad|poor|wrong|lagging|delayed|broken', gap: 3 },
    // The picture fails at the very moment of a prompt: "froze exactly then", "cut out precisely when I asked".
    { p: 'froze|frozen|dropped|cut|crashed|locked|lagged exactly|precisely', gap: 1 },
    { p: 'froze|frozen|dropped|cut|crashed|locked|lagged|glitched right|just then', gap: 1 },
    { p: 'conveniently froze|dropped|cut|crashed|lagged|glitched|died', gap: 1 },
    { p: 'voice|audio|sound out|not sync|synced', gap: 2 },
    { p: 'refused|declined|skipped|avoided liveness', gap: 3 },
    { p: 'face not real', gap: 3 },
    { p: 'lips|lip|mouth not|out sync|synced|match|matching|line', gap: 3 },
    { p: 'not|out sync|synced|match lips|lip|mouth', gap: 4 },
    { p: 'refused|declined|not wave|waving', gap: 4 },
    { p: 'refused|declined|not wave|turn|put|cover|raise|touch hand|head|face|ear|nose|sideways|profile|around', gap: 3 },
  ],
  voice_changer: [
    { p: `voice changer|changing|modulator|filter|changed|different|differed|deeper|higher|strange|odd|weird|shifted|shifting|${VOICE_ODD}`, gap: 3 },
    { p: `${VOICE_ODD} voice|audio|sound`, gap: 3, both: true },
    // Not "a second voice": that is another person in the room (crowded_room), not a changed voice.
    { p: 'different|changed|new voice', gap: 1 },
    { p: 'pitch shifted|changed|jumped|dropped|wobbled|shifting', gap: 2 },
    { p: 'different|changed|higher|lower|deeper pitch|tone|timbre', gap: 1 },
    { p: 'text speech', gap: 1 },
    { p: 'voice not|never match|same|sound|sounded', gap: 5 },
    { p: 'sounded|sounding|voice ai|computer generated', gap: 3 },
    { p: 'sounded like different|another person|guy|man|woman', gap: 3 },
    { p: 'sounded like someone else', gap: 2 },
    { p: 'voice deeper|higher|lower than', gap: 6 },
  ],
  id_not_shown: [
    { p: `not|never|nor|refused|declined|reluctant show|hold|present|display|produce|put|raise|lift|bring ${ID_DOC}`, gap: 4 },
    { p: 'only|just emailed|sent|mailed|uploaded|shared photo|scan|copy|picture|screenshot', gap: 2 },
    { p: `${ID_STRICT} later|instead show|showing|holding`, gap: 4 },
    { p: `${ID_DOC} not shown|held|presented|produced`, gap: 2 },
    { p: `not have|had|bring|brought|carry ${ID_STRICT}`, gap: 4 },
    { p: `refused|declined|skipped|avoided|reluctant ${ID_STRICT} check|verification|checks`, gap: 3 },
    { p: `no ${ID_DOC}`, gap: 1, unless: TROUBLE },
    { p: `only scan|screenshot|photo|copy ${ID_DOC}`, gap: 3 },
    { p: `covered|hid|hidden ${ID_DOC}|photo`, gap: 4 },
    { p: `${ID_STRICT} out frame|view|shot`, gap: 2 },
    { p: `${ID_STRICT} far|blurry|blurred|unreadable|illegible`, gap: 5 },
    { p: `thumb|finger|fingers|hand over|covering|covered|across photo|name|${ID_DOC}`, gap: 3 },
    { p: `not bring|hold|move it|${ID_STRICT}|card closer`, gap: 2 },
    { p: `${ID_STRICT} not|never show|produce|present`, gap: 8 },
    { p: `left|forgot|forgotten|lost ${ID_STRICT}|wallet|purse`, gap: 2 },
    { p: 'email|send|sent|emailed|upload|mail scan|copy later', gap: 2 },
  ],
  id_mismatch: [
    { p: `not|neither|nor|none match|matched|resemble|resembled ${ID_DOC}|photo|picture`, gap: 3 },
    { p: `${ID_DOC}|photo|picture looked|look|looks nothing like`, gap: 1 },
    { p: `not look like ${ID_DOC}|photo|picture`, gap: 3 },
    { p: `nothing like ${ID_DOC}|photo|picture`, gap: 3 },
    { p: `mismatch|differ|different ${ID_DOC}|photo|picture`, gap: 3 },
    { p: `${ID_DOC}|photo mismatch|differ|different`, gap: 4 },
    { p: `${ID_DOC}|photo not match|resemble`, gap: 6 },
    { p: `${ID_DOC}|photo someone|somebody|another else|person|man|woman`, gap: 3 },
    { p: `${ID_DOC}|photo different person|man|woman|guy|individual|people`, gap: 5 },
    { p: `${ID_DOC}|photo|picture not look like`, gap: 6 },
    { p: `${ID_DOC}|photo|picture not man|woman|person|guy|same`, gap: 2 },
    { p: `resemblance ${ID_DOC}|photo|picture`, gap: 3 },
    { p: `${ID_DOC} looked|seemed|appeared|was|were edited|altered|tampered|forged|fake|photoshopped|doctored|manipulated`, gap: 3 },
    // What the document says against what the application says: "the licence carried an address that isn't the one on his application".
    { p: `${ID_DOC} not|differ|different|differed|mismatch application|resume|cv|form|profile|linkedin`, gaps: [8, 6], notWithin: 'match|matched|same' },
    { p: `name|surname|address|photo|birth|dob ${ID_DOC} but|whereas|while|yet cv|resume|application|linkedin|email|profile|form`, gaps: [3, 8, 3], notWithin: 'match|matched|same|correct' },
    { p: `${ID_STRICT} said|says|showed|shows|read|reads|listed application|resume|cv|form said|says|showed|listed`, gaps: [1, 4, 1], notWithin: 'match|matched|same' },
  ],
  reading_answers: [
    { p: 'read|reading answer|answers|script|screen|notes|aloud|something|prepared|text', gap: 3 },
    { p: 'read|reading off|from', gap: 1 },
    { p: 'answer|answers|responses chatgpt|gpt|llm|copilot|chatbot', gap: 6, both: true },
    { p: 'recite|recited|reciting|recites answer|answers|response|responses|something', gap: 2 },
    { p: 'person|someone|somebody|voice giving|gave|whispering|feeding instructions|answers|hints|prompts|directions', gap: 3 },
    { p: 'clearly|obviously|seemed|appeared|looked|like reading', gap: 3 },
    { p: 'eye|eyes scanning|scan|darting|moving|tracking|tracked|flicking|reading|side|going|went|drifting|drifted|wandering|shifting', gap: 3 },
    { p: `${LOOK} off|away|aside|sideways screen|side|second`, gap: 3 },
    { p: `${LOOK} ${AWAY} before|when|while|after ${ANSWERING}|question|questions`, gap: 3 },
    { p: `kept|constantly|repeatedly|always|keeps ${LOOK} ${AWAY}`, gap: 2 },
    { p: `paused|pausing|stopped|stalled ${LOOK} ${AWAY}`, gap: 3 },
    { p: 'second|other|another monitor|screen', gap: 1 },
    { p: 'long|lengthy|excessive|awkward|frequent|unusual|noticeable pause|pauses|pausing|delay|delays|silence|silences', gap: 2 },
    { p: 'paused|pause|stalled|delay every|each|all|most answer|question|response|reply', gap: 3 },
    // Porter reads "answering" and "the question" alike: only right after "before" ("paused before answering").
    { p: 'paused|pause|pausing|stalled|delay|delays before|after answering|responding|replying', gaps: [3, 0] },
    { p: 'sounded|seemed|felt read|recited', gap: 1 },
    { p: 'coached|prompted|fed|helped|assisted by someone|somebody|person|voice|another', gap: 2 },
    { p: 'text|screen|notes|words reflected|reflecting', gap: 2 },
    { p: 'stalled|stalling|stall', gap: 0 },
    { p: 'second|seconds silence|silences|pause|pauses|gap|gaps', gap: 1 },
    { p: 'typing|keyboard|keys|clicking audible|heard|audibly', gap: 1, both: true },
    { p: 'silence|silences|pause|pauses seconds', gap: 3 },
    { p: 'fed|feeding|coached|coaching|prompted|prompting|whispered|helping|instructing answer|answers|him|her|them', gap: 3 },
    { p: 'getting|receiving|received|given|got answers|help|hints|prompts|instructions from|off', gap: 2 },
    { p: 'telling him|her|them what say', gap: 2 },
    { p: 'whisper|whispering|whispered|whispers', gap: 0 },
    { p: 'typing before|while answer|answering|responding|question', gap: 3 },
    { p: 'hear|heard|sound typing|keyboard|whispering', gap: 3 },
    { p: 'scripted|verbatim', gap: 0 },
    { p: 'word for word', gap: 0 },
    { p: 'reflection|reflections text|screen|notes|words|window', gap: 6 },
    { p: 'someone|somebody|person|voice|off helping|helped|assisting|assisted|coaching|prompting|telling|feeding', gap: 4 },
    { p: 'earpiece|earpieces', gap: 0 },
    { p: 'keys|keystrokes|keyboard|clacking|clicking|tapping|typing before|every|each answer|question|response|reply', gap: 3 },
    { p: 'paused|pausing|pause|stopped like|if listening', gap: 3 },
    { p: 'listening to someone|somebody|voice|person', gap: 2 },
    { p: 'repeated|repeating|repeats each|every question', gap: 2 },
    { p: 'typed|typing something then answered|answer|answering', gap: 3 },
    { p: 'looking|looked|look things|answers|stuff up', gap: 0 },
    { p: 'scrolling sounds|sound|noises|before|then', gap: 2 },
    { p: 'murmur|murmuring|murmured|mumbling from|by someone|somebody|person|voice', gap: 2 },
    { p: 'someone|somebody|voice talking|speaking|murmuring|mumbling low|quietly|softly|off', gap: 4 },
  ],
  plausible_wrong_answers: [
    { p: 'confident|confidently|plausible|convincing|sure|certain|assured but|yet wrong|wrongly|incorrect|inaccurate|false|untrue|mistaken', gap: 4 },
    { p: 'right|correct|good|great|solid|polished|smooth|fluent|plausible|convincing|impressive but|yet wrong|incorrect|inaccurate|false|untrue|nonsense|mistaken', gap: 4 },
    { p: 'but|yet made|make|makes no sense', gap: 2 },
    { p: 'wrong|incorrect but|yet plausible|confident|convincing', gap: 2 },
    { p: 'confident|confidently wrong|incorrect|inaccurate', gap: 9 },
    { p: 'factually wrong|incorrect|inaccurate', gap: 0 },
    { p: 'before released|existed|launched|invented', gap: 3 },
    { p: 'bluffed|bluffing|bluff|bluffs', gap: 0 },
    { p: 'plausible|confident|convincing|sure fell|collapsed|crumbled', gap: 5 },
    { p: 'made up|invented|fabricated answer|answers|details|story|stories|account|accounts|project|projects|experience', gap: 3 },
    { p: 'answer|answers|answered|responded buzzword|buzzwords', gap: 3 },
    { p: 'not|never exist|exists|existed', gap: 0 },
    { p: 'nonexistent', gap: 0 },
    { p: 'simply|flat|flatly|plainly|outright|clearly|completely|totally|partly|partially|just wrong|incorrect|false|inaccurate', gap: 1 },
    { p: 'buzzword|buzzwords|jargon|filler|fluff|waffle|waffled|waffling', gap: 0 },
    { p: 'generic|vague|boilerplate|superficial|shallow description|answer|answers|explanation|explanations|response|responses|account|overview', gap: 4, both: true },
    { p: 'without|not|never saying|say|said|giving|give|gave|offering anything|nothing concrete|specific|substantive', gap: 2 },
    { p: 'nothing|little concrete|specific|substantive', gap: 0 },
    { p: 'doubled down', gap: 0 },
    { p: 'made|make|makes no sense', gap: 0 },
    { p: 'not work|works that way', gap: 0 },
    { p: 'described|explained|answered|answers incorrectly|wrongly|wrong|inaccurately', gap: 2 },
    { p: 'confident|confidently|smooth|smoothly|polished|fluent|fluently but|yet not|unable say|explain|name|answer|describe', gaps: [8, 2, 1] },
    { p: 'wrong way round|around', gap: 0 },
    { p: 'not|unable explain|describe|name own|his|her project|projects|services|service|system|systems|work|code|stack|migration', gap: 3 },
  ],
  local_knowledge_gap: [
    { p: `not|unable|struggled|failed|hesitated answer|name|describe|say|recall|remember|tell|know|recognise|recognize|explain ${PLACE}|${WORK}|anyone|anybody`, gap: 6, notWithin: 'how' },
    { p: 'not|unable|no know|say|tell|idea time where|local|there|lives|live', gap: 3 },
    { p: `got|had ${PLACE}|line|lines wrong|mixed|confused`, gap: 4 },
    { p: `${PLACE} guessed|got|answered wrong|wrongly|incorrectly`, gaps: [8, 1] },
    { p: 'not|unable name|say|tell anything|much|nothing lives|live|living|hometown|city|town', gaps: [1, 1, 8] },
    { p: `no idea|clue|answer|response|reply ${PLACE}|${WORK}`, gap: 6 },
    { p: `unfamiliar|vague|evasive|confused|unsure ${PLACE}|lives|live|home|employer|${WORK}`, gap: 6 },
    { p: `knew|know nothing ${PLACE}`, gap: 4 },
    { p: `dodged|avoided|deflected question|questions ${PLACE}|live|lives|home|timeline|${WORK}`, gap: 4 },
    { p: `not|refused|declined|avoided confirm|disclose|share|give|reveal ${PLACE}|live|lives|home`, gap: 4 },
    { p: 'location|city|whereabouts|address not disclosed|given|shared|revealed|confirmed', gap: 3 },
  ],
  virtual_background: [
    { p: 'virtual|fake|stock|green|greenscreen background|backdrop|screen|bg', gap: 2 },
    { p: 'background|backdrop virtual|fake|stock', gap: 3 },
    { p: 'refused|declined|not show|pan room|surroundings|behind', gap: 3 },
    { p: 'kept|left|keeps background|blur|filter on', gap: 3 },
    { p: 'refused|declined|not remove|turn|disable|switch|drop|take background|blur|filter|backdrop', gap: 4 },
    { p: 'background|blur|backdrop|bg|filter ignored|ignoring request|requests|asks|asking', gaps: [6, 3] },
    { p: 'beach|space|galaxy|tropical|cartoon|island background|backdrop|bg', gap: 1 },
    { p: 'not|unable find|locate setting|settings|option|button', gap: 2, notWithin: CAMERA },
    { p: 'background|blur|backdrop|filter not|refused|declined remove|turn|disable|switch|drop', gap: 4 },
    { p: 'hid|hiding|hidden|concealed room|surroundings|background', gap: 3 },
    { p: 'background|backdrop picture|image|photo|photograph|wallpaper', gap: 3 },
  ],
  crowded_room: [
    { p: 'crowded|busy|noisy|packed room', gap: 1 },
    { p: 'other|multiple|several|many|lots voices|callers|calls|conversations', gap: 2 },
    { p: 'other|multiple|several|many|lots people talking|speaking|chatting|on|audible|heard', gap: 2 },
    { p: 'voices|chatter|talking|conversations|people background', gap: 3 },
    { p: 'call centre|center|centres|centers', gap: 0 },
    { p: 'background chatter|voices|talking|conversations|calls', gap: 1 },
    { p: 'two|three|four|several|multiple|other|more|few people|men|women|persons|guys|others visible|behind|sitting|working|room|desks|background', gap: 3 },
    { p: 'people|men|women|persons|guys at|on desks|headsets|computers|laptops', gap: 4 },
    { p: 'all|everyone|others wearing headsets|headset', gap: 1 },
    { p: 'constant|continuous|nonstop chatter|talking|voices|calls|murmur|murmuring', gap: 1 },
    { p: 'room|office|floor|crowd|crowds full people|voices|talking', gap: 1 },
    { p: 'crowd people|voices|talking', gap: 1 },
    { p: 'another|second|other person|man|woman|someone|somebody leaned|came|walked|appeared frame|shot|view', gap: 3 },
    { p: 'second voice|person', gap: 1 },
    { p: 'someone|somebody|woman|man|person sat|sitting|seated next|beside', gap: 2 },
  ],
}

// Negation: "no sign of reading", "camera was never off", "didn't look like a different person".
const NEGATORS = new Set(['no', 'not', 'never', 'without', 'none', 'nothing', 'nobody', 'neither', 'nor'].map(w => PorterStemmer.stem(w)))
// "no doubt he was reading" is not a negation.
const PSEUDO_NEGATION_NEXT = new Set(['doubt', 'question', 'only'].map(w => PorterStemmer.stem(w)))
// A negation stops at a contrast or a new clause: "no lag, but reading answers" still counts.
const SCOPE_BREAKERS = new Set(['but', 'however', 'although', 'though', 'yet', 'and', 'except', 'whereas', 'then', 'until'].map(w => PorterStemmer.stem(w)))
const NEGATION_WINDOW = 5

/**
 * Never a signal (INDICATORS.md §3). A sentence with any of these words is not read at all, so a note's
 * result is the same whatever it says about accent, language, nationality, ethnicity, age or origin.
 */
const PROTECTED_WORDS = [
  'accent', 'accents', 'accented', 'language', 'languages', 'english', 'grammar', 'pronunciation', 'dialect', 'translate', 'translated',
  'translating', 'translation', 'translator', 'interpreter', 'native', 'nonnative', 'nationality', 'national', 'nationals', 'citizen',
  'citizenship', 'ethnic', 'ethnicity', 'race', 'racial', 'foreign', 'foreigner', 'immigrant', 'immigration', 'visa', 'religion',
  'religious', 'born', 'birthplace', 'asian', 'korean', 'korea', 'chinese', 'china', 'mandarin', 'cantonese', 'japanese', 'russian',
  'ukrainian', 'vietnamese', 'indian', 'pakistani', 'nigerian', 'american', 'british', 'european', 'african', 'hispanic', 'latino',
  'latina', 'arab', 'arabic', 'filipino', 'thai', 'malaysian', 'indonesian', 'polish', 'romanian', 'brazilian', 'mexican', 'spanish',
  'french', 'german', 'hindi', 'urdu', 'age', 'aged', 'young', 'younger', 'old', 'older', 'elderly', 'gender', 'male', 'female',
]
const PROTECTED = new Set(PROTECTED_WORDS.map(w => PorterStemmer.stem(w)))
// "national ID" is a document, not an origin.
const PROTECTED_EXCEPT_BEFORE: Record<string, Set<string>> = {
  [PorterStemmer.stem('national')]: new Set(['id', 'identiti', 'card', 'insur']),
  // "native app", "native code": a kind of software, not an origin.
  [PorterStemmer.stem('native')]: new Set(['app', 'apps', 'code', 'modul', 'api', 'librari', 'binari', 'build', 'integr'].map(w => PorterStemmer.stem(w))),
  // "his old office" is a former place, not an age.
  [PorterStemmer.stem('old')]: new Set(['office', 'offic', 'job', 'compani', 'team', 'address', 'employ', 'employer', 'manag', 'manager', 'boss', 'colleagu', 'school', 'apart', 'apartment', 'hous', 'house', 'place', 'role', 'project', 'neighbourhood', 'neighborhood', 'street', 'citi', 'town'].map(w => PorterStemmer.stem(w))),
}

interface Token {
  raw: string
  stem: string
  start: number
  end: number
  /** a comma, colon, bracket or dash sits between this token and the one before */
  breakBefore: boolean
}

const tokenizer = new WordTokenizer()
const CONTRACTIONS = new Map(
  ['didnt:did', 'doesnt:does', 'dont:do', 'couldnt:could', 'wouldnt:would', 'shouldnt:should', 'wasnt:was', 'werent:were', 'isnt:is', 'arent:are', 'hasnt:has', 'havent:have', 'hadnt:had', 'cant:can', 'wont:will', 'cannot:can'].map(
    pair => pair.split(':') as [string, string],
  ),
)
/** Reviewers' shorthand, read as the word it stands for. */
const SHORTHAND = new Map([
  ['diff', 'different'],
  ['pic', 'picture'],
  ['pics', 'pictures'],
  ['vid', 'video'],
  ['thru', 'through'],
  ['convo', 'conversation'],
  ['prob', 'probably'],
])
// Notes repeat their words: remember stems (bounded).
const stemMemo = new Map<string, string>()
const stem = (w: string) => {
  const lower = w.toLowerCase()
  let s = stemMemo.get(lower)
  if (s === undefined) {
    if (stemMemo.size >= 50_000) stemMemo.clear()
    s = PorterStemmer.stem(lower)
    stemMemo.set(lower, s)
  }
  return s
}

/** Tokens of one sentence, with offsets in the note; "didn't" becomes did + not. */
function tokenize(text: string, offset: number): Token[] {
  const words = tokenizer.tokenize(text)
  const out: Token[] = []
  let cursor = 0
  for (const w of words) {
    const at = text.indexOf(w, cursor)
    if (at < 0) continue
    const between = text.slice(cursor, at)
    cursor = at + w.length
    const prev = out[out.length - 1]
    // natural's tokenizer splits "didn't" into "didn" and "t"; join them back as did + not.
    if (w.toLowerCase() === 't' && prev && /n$/i.test(prev.raw) && /^['’]$/.test(between)) {
      const base = prev.raw.toLowerCase()
      const fixed = base === 'can' ? 'can' : base === 'won' ? 'will' : base.slice(0, -1)
      prev.stem = stem(fixed)
      out.push({ raw: w, stem: 'not', start: prev.start, end: offset + cursor, breakBefore: false })
      continue
    }
    // Typed without the apostrophe ("didnt", "couldnt", "wouldnt"): the same verb + not.
    const bare = CONTRACTIONS.get(w.toLowerCase())
    if (bare) {
      const start = offset + at
      out.push({ raw: w, stem: stem(bare), start, end: offset + cursor, breakBefore: /[,:()—–]|\s-\s/.test(between) })
      out.push({ raw: w, stem: 'not', start, end: offset + cursor, breakBefore: false })
      continue
    }
    // "passport photo != guy on cam": the sign says "not".
    if (/!=|≠|=\/=/.test(between)) out.push({ raw: between.trim(), stem: 'not', start: offset + at - between.length, end: offset + at, breakBefore: false })
    out.push({ raw: w, stem: stem(SHORTHAND.get(w.toLowerCase()) ?? w), start: offset + at, end: offset + cursor, breakBefore: /[,:()—–]|\s-\s/.test(between) })
  }
  return out
}

interface CompiledPhrase {
  slots: Array<Set<string>>
  gap: number
  gaps: number[]
  unless: Set<string>
  notWithin: Set<string>
}
const stems = (alts: string) => new Set(alts.split('|').map(stem))
function compile(p: Phrase): CompiledPhrase {
  // Each alternative is one word; a phrase of several words is written as several slots.
  for (const w of p.p.split(/[ |]/)) if (tokenize(w, 0).length !== 1) throw new Error(`interviewNotes: "${w}" in "${p.p}" is not one word`)
  return { slots: p.p.split(' ').map(stems), gap: p.gap ?? 2, gaps: p.gaps ?? [], unless: p.unless ? stems(p.unless) : new Set(), notWithin: p.notWithin ? stems(p.notWithin) : new Set() }
}
const COMPILED: Array<[NoteCode, CompiledPhrase[]]> = (Object.entries(PHRASES) as Array<[NoteCode, Phrase[]]>).map(([code, ps]) => [
  code,
  ps.flatMap(ph => (ph.both ? [compile(ph), compile({ ...ph, p: ph.p.split(' ').reverse().join(' '), ...(ph.gaps ? { gaps: [...ph.gaps].reverse() } : {}) })] : [compile(ph)])),
])

/** First place the phrase's slots appear in order, each within `gap` words of the last: token indexes. */
function findPhrase(tokens: Token[], ph: CompiledPhrase, from: number): number[] | null {
  for (let i = from; i < tokens.length; i++) {
    if (!ph.slots[0]!.has(tokens[i]!.stem)) continue
    const found = walkPhrase(tokens, ph, 0, i, [])
    if (found) return found
  }
  return null
}

// The slots from `slot` on, from token `at`. A module function rather than a closure made per call: the
// runtime (tsx) names every closure it creates, and findPhrase runs per sentence and phrase (issue 14).
function walkPhrase(tokens: Token[], ph: CompiledPhrase, slot: number, at: number, acc: number[]): number[] | null {
  if (slot === ph.slots.length) return acc
  const last = slot === 0 ? tokens.length - 1 : Math.min(tokens.length - 1, at + (ph.gaps[slot - 1] ?? ph.gap))
  // "no whispering, camera on": a negation's reach ends at the comma.
  const negatorBefore = slot > 0 && NEGATORS.has(tokens[acc[acc.length - 1]!]!.stem)
  for (let i = at; i <= last; i++) {
    if (negatorBefore && tokens[i]!.breakBefore) break
    if (!ph.slots[slot]!.has(tokens[i]!.stem)) continue
    const found = walkPhrase(tokens, ph, slot + 1, i + 1, [...acc, i])
    if (found) return found
    if (slot === 0) break
  }
  return null
}

const isNegator = (tokens: Token[], i: number) => NEGATORS.has(tokens[i]!.stem) && !PSEUDO_NEGATION_NEXT.has(tokens[i + 1]?.stem ?? '')

const REFUSALS = new Set(['refuse', 'refused', 'decline', 'declined', 'avoid', 'avoided', 'reluctant'].map(w => PorterStemmer.stem(w)))

/** A negator just before the phrase (within its clause), or inside it but not part of it, cancels it. */
function negated(tokens: Token[], hit: number[]): boolean {
  // "did not refuse to show ID": a negated refusal is no refusal.
  if (isNegator(tokens, hit[0]!) && tokens.slice(hit[0]! + 1, hit[1] ?? hit[0]! + 1).some(t => REFUSALS.has(t.stem))) return true
  const used = new Set(hit)
  for (let i = hit[0]! + 1; i < hit[hit.length - 1]!; i++) if (!used.has(i) && isNegator(tokens, i)) return true
  for (let i = hit[0]! - 1, n = 0; i >= 0 && n < NEGATION_WINDOW; i--, n++) {
    if (tokens[i + 1]!.breakBefore || SCOPE_BREAKERS.has(tokens[i]!.stem)) return false
    if (isNegator(tokens, i)) return true
  }
  return false
}

function hasWithin(tokens: Token[], hit: number[], words: Set<string>): boolean {
  if (!words.size) return false
  const used = new Set(hit)
  for (let i = hit[0]! + 1; i < hit[hit.length - 1]!; i++) if (!used.has(i) && words.has(tokens[i]!.stem)) return true
  return false
}

/**
 * What the note says next undoes a passing problem: the camera "switched on as soon as I mentioned it",
 * a freeze that "came back" and a check that "passed", a tinny voice that "turned out" to be the headset,
 * a background switched off "at once", a phone call moved to video that "went fine". Read after the match,
 * in its sentence and the next. Refusals and a problem that lasted are not undone by these words.
 */
const RESOLUTIONS: Partial<Record<NoteCode, Phrase[]>> = {
  camera_off: [
    { p: 'switched|turned|put|got it|camera|video|webcam|cam on', gap: 2 },
    { p: 'as soon as mentioned|asked|told|reminded|pointed|noticed', gap: 2 },
    { p: 'by accident|mistake', gap: 0 },
  ],
  declined: [
    { p: 'moved|switched|rescheduled|changed to video|camera|zoom|teams', gap: 3 },
    { p: 'went|was fine|well|ok|okay|smoothly', gap: 1 },
  ],
  liveness_failed: [
    { p: 'check|test|it|retest|checks passed', gap: 2 },
    { p: 'went|was fine|well|ok|okay|normal', gap: 1 },
  ],
  voice_changer: [
    { p: 'turned out', gap: 0 },
    { p: 'was|went|sounded fine|ok|okay|normal', gap: 1 },
    { p: 'fixed|resolved', gap: 0 },
    { p: 'just|only phone|line|mic|microphone|headset|connection|bandwidth|headphones|airpods', gap: 2 },
  ],
  virtual_background: [
    { p: 'at once', gap: 0 },
    { p: 'right|straight away', gap: 0 },
    { p: 'immediately|promptly|complied|obliged', gap: 0 },
  ],
}
const COMPILED_RESOLUTIONS = new Map((Object.entries(RESOLUTIONS) as Array<[NoteCode, Phrase[]]>).map(([code, ps]) => [code, ps.map(compile)]))

function resolved(code: NoteCode, tokens: Token[], hit: number[], next: Token[]): boolean {
  const phrases = COMPILED_RESOLUTIONS.get(code)
  if (!phrases) return false
  const after = [tokens.slice(hit[hit.length - 1]! + 1), next]
  // "asked him to turn it on", "kept promising to switch video on": asked for, not done.
  const asked = (part: Token[], at: number) => part.slice(Math.max(0, at - 3), at).some(t => REQUESTS.has(t.stem))
  return after.some(part =>
    phrases.some(ph => {
      for (let h = findPhrase(part, ph, 0); h; h = findPhrase(part, ph, h[0]! + 1)) if (!negated(part, h) && !asked(part, h[0]!)) return true
      return false
    }),
  )
}
const REQUESTS = new Set(['asked', 'ask', 'asking', 'told', 'tell', 'requested', 'request', 'please', 'promised', 'promising', 'promise', 'would', 'could', 'should', 'try', 'tried'].map(w => PorterStemmer.stem(w)))

function followedBy(tokens: Token[], hit: number[], words: Set<string>): boolean {
  const after = hit[hit.length - 1]!
  return [1, 2].some(k => words.has(tokens[after + k]?.stem ?? ''))
}

// Words whose stem is an ordinary word's too: "polished answers" is not "Polish".
const PROTECTED_AS_WRITTEN = new Set(['polish'])
// "cloud native", "React Native": kinds of software.
const PROTECTED_EXCEPT_AFTER: Record<string, Set<string>> = { [PorterStemmer.stem('native')]: new Set(['cloud', 'react']) }
function mentionsProtected(tokens: Token[]): boolean {
  return tokens.some(
    (t, i) =>
      PROTECTED.has(t.stem) &&
      (!PROTECTED_AS_WRITTEN.has(t.stem) || t.raw.toLowerCase() === t.stem) &&
      !PROTECTED_EXCEPT_BEFORE[t.stem]?.has(tokens[i + 1]?.stem ?? '') &&
      !PROTECTED_EXCEPT_AFTER[t.stem]?.has(tokens[i - 1]?.stem ?? ''),
  )
}

/** Sentences with their offsets: split at . ! ? ; and line ends. */
function sentences(text: string): Array<{ text: string; start: number; line: number }> {
  const out: Array<{ text: string; start: number; line: number }> = []
  const re = /[^.!?;\n]+/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim()) out.push({ text: m[0], start: m.index, line: text.slice(0, m.index).split('\n').length })
  }
  return out
}

/** A sentence about the identity document: a "different person" in it is the document's photo. */
const ID_WORDS = /\b(id|ids|passport|licen[cs]e|identification|id photo|doc)\b/i

/** Every code the note supports, the first place each is said. Empty for notes that only say what was fine. */
export function recogniseNote(note: string): NoteMatch[] {
  const found = new Map<NoteCode, NoteMatch>()
  // Split and read on a copy of the same length: "!=" is not an exclamation, "R." in a name and "e.g." end no sentence.
  const masked = note
    .slice(0, 20_000)
    .replace(/!=/g, '≠ ')
    .replace(/\b([A-Z])\.(?=\s+\p{Lu}\p{Ll})/gu, '$1 ')
    .replace(/\b(e\.g|i\.e|etc|vs|v|approx|Mr|Ms|Mrs|Dr|St)\./gi, m => m.replace(/\./g, ' '))
  const all = sentences(masked)
  for (const [n, s] of all.entries()) {
    const tokens = tokenize(s.text, s.start)
    let next: Token[] | undefined
    const nextTokens = () => (next ??= all[n + 1] ? tokenize(all[n + 1]!.text, all[n + 1]!.start) : [])
    if (!tokens.length || mentionsProtected(tokens)) continue
    for (const [code, phrases] of COMPILED) {
      if (found.has(code)) continue
      for (const ph of phrases) {
        // A negated mention does not hide a later one in the same sentence: look again after it.
        for (let hit = findPhrase(tokens, ph, 0); hit; hit = findPhrase(tokens, ph, hit[0]! + 1)) {
          if (negated(tokens, hit) || followedBy(tokens, hit, ph.unless) || hasWithin(tokens, hit, ph.notWithin) || resolved(code, tokens, hit, nextTokens())) continue
          const start = tokens[hit[0]!]!.start
          const end = tokens[hit[hit.length - 1]!]!.end
          found.set(code, { code, quote: note.slice(start, end), sentence: s.text.trim(), start, end, line: s.line })
          break
        }
        if (found.has(code)) break
      }
    }
  }
  // "declined a video call" also reads as camera off; keep the more specific one.
  if (found.has('declined')) found.delete('camera_off')
  // "the ID photo looked like a different person" is about the document, not a change between calls.
  // "sounded like a different person" is the voice. A change said inside a longer identity match is that match.
  const drift = found.get('appearance_drift')
  const within = (code: NoteCode) => {
    const m = found.get(code)
    // Inside it or overlapping it: "looked nothing like the photo" is one observation, the document's.
    return !!m && !!drift && m.start < drift.end && drift.start < m.end
  }
  if (drift && (within('voice_changer') || within('id_mismatch'))) found.delete('appearance_drift')
  else if (drift && /\b(speak|speaking|talking|sounded|sounds?)\b/i.test(drift.quote) && /\bvoice\b/i.test(drift.sentence)) {
    // "the voice was soft, today rough, like another person speaking": a changed voice.
    found.delete('appearance_drift')
    if (!found.has('voice_changer')) found.set('voice_changer', { ...drift, code: 'voice_changer' })
  } else if (drift && !found.has('id_not_shown') && ID_WORDS.test(clauseOf(note, drift.start, drift.end))) {
    found.delete('appearance_drift')
    if (!found.has('id_mismatch')) found.set('id_mismatch', { ...drift, code: 'id_mismatch' })
  }
  // A face unlike a photo that is no identity document (a profile picture, the selfie sent with the
  // application): the person changed, the document did not.
  const unlike = found.get('id_mismatch')
  if (unlike && /\b(pic|picture|photo|selfie|headshot)\b/i.test(unlike.quote) && !ID_WORDS.test(clauseOf(note, unlike.start, unlike.end)) && !/\b(card|document)\b/i.test(unlike.sentence) && /\b(linkedin|profile|selfie|headshot|avatar)\b/i.test(unlike.sentence)) {
    found.delete('id_mismatch')
    if (!found.has('appearance_drift')) found.set('appearance_drift', { ...unlike, code: 'appearance_drift' })
  }
  // A virtual background's edge flickering round the head is the background's doing, not a face filter's.
  const live = found.get('liveness_failed')
  if (
    live &&
    !/\bface\b/i.test(live.quote) &&
    /\b(outline|edges?|border|halo|hair)\b/i.test(live.sentence) &&
    (found.has('virtual_background') || /\b(virtual|backdrop|background|bg)\b/i.test(live.sentence))
  )
    found.delete('liveness_failed')
  return [...found.values()]
}

/** The clause a match sits in: from the last comma or "but" before it to the first after it ("licence photo and the person" is one clause). */
function clauseOf(note: string, start: number, end: number): string {
  const before = note.slice(Math.max(0, start - 200), start)
  const after = note.slice(end, end + 200)
  const cutBefore = Math.max(...[/[,;.!?\n]/g, /\b(?:but|while|whereas)\b/gi].map(re => Math.max(-1, ...[...before.matchAll(re)].map(m => m.index! + m[0].length))))
  const stop = [...after.matchAll(/[,;.!?\n]|\b(?:but|while|whereas)\b/gi)][0]?.index ?? after.length
  return before.slice(cutBefore + 1) + note.slice(start, end) + after.slice(0, stop)
}

const CODE_SET = new Set<string>([...OBSERVATION_CODES, ...VIDEO_CODES])
/** True for a structured code as the form stores it ("reading_answers"), false for a reviewer's words. */
export const isObservationCode = (value: string): boolean => CODE_SET.has(value.trim())
