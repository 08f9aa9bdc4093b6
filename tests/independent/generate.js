#!/usr/bin/env node
'use strict'
/*
 * Independent labelled test population for Vetting Desk.
 *
 * Written BLIND to the project's rules, weights, scoring, link analysis, sanctions code and its own
 * generator: only the input format (../shared/formats/application-v1.md), the public indicator
 * catalogue (../shared/INDICATORS.md), the public reference data (../shared/refdata) and public
 * reporting on DOJ/FBI/Treasury cases were read. See README.md beside this file.
 *
 * Usage: node tests/independent/generate.js [--out DIR] [--seed N] [--size N]
 *   DIR/population/*.json (+ .access.csv sign-in logs, .resume.txt resumes, .png photos)
 *   DIR/labels.csv   (what `npm run eval -- --dir DIR` reads)
 *   DIR/labels.json  (written last: [{id,label,archetype,ring,nameOrigin,residence}])
 * Plain Node 20, no dependencies.
 */
const fs = require('node:fs')
const path = require('node:path')
const zlib = require('node:zlib')
const { Buffer } = require('node:buffer')

// ---------------------------------------------------------------- arguments and RNG
function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : dflt
}
const OUT = path.resolve(arg('out', '/work/indep/population'))
const SEED = Number(arg('seed', '20261204'))
const SIZE = Number(arg('size', '2000'))
// --twin: the same population with every generated name drawn from another name bank (counterfactual twins)
const TWIN = process.argv.includes('--twin')

function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
let rnd = mulberry32(SEED)
// names and uniqueness suffixes use their own streams, so a twin population (other names) consumes the
// main stream identically and differs in nothing but names and what is spelled from them
const NAME_RNG = mulberry32(SEED ^ 0x9e3779b9)
const TWIN_RNG = mulberry32(SEED ^ 0x85ebca6b)
const SUFFIX_RNG = mulberry32(SEED ^ 0x27d4eb2f)
function withRng(r, fn) { const saved = rnd; rnd = r; try { return fn() } finally { rnd = saved } }
const R = {
  f: () => rnd(),
  int: (a, b) => a + Math.floor(rnd() * (b - a + 1)),
  pick: arr => arr[Math.floor(rnd() * arr.length)],
  chance: p => rnd() < p,
  shuffle: arr => { const a = arr.slice(); for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [a[i], a[j]] = [a[j], a[i]] } return a },
  sample: (arr, n) => R.shuffle(arr).slice(0, n),
  digits: n => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join(''),
  hex: n => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join(''),
  b58: n => Array.from({ length: n }, () => '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'[Math.floor(rnd() * 58)]).join(''),
}
const strip = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/æ/g, 'ae').replace(/ß/g, 'ss')
const slug = s => strip(s).toLowerCase().replace(/[^a-z0-9]+/g, '')
const cap = s => s.charAt(0).toUpperCase() + s.slice(1)

// ---------------------------------------------------------------- names as people write them
// Each generator returns { origin, form (as on the application), resume (as on the resume),
// bankHonest (how an honest person's bank may hold it), first, last (for email/handles) }
const ANGLO_F = ['James', 'Michael', 'Robert', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Mark', 'Steven', 'Andrew', 'Joshua', 'Kevin', 'Brian', 'Ryan', 'Jacob', 'Tyler', 'Nathan', 'Ethan', 'Logan', 'Mary', 'Jennifer', 'Linda', 'Elizabeth', 'Susan', 'Jessica', 'Sarah', 'Karen', 'Emily', 'Ashley', 'Megan', 'Rachel', 'Laura', 'Hannah', 'Olivia', 'Emma', 'Abigail', 'Chloe', 'Grace', 'Dana', 'Morgan', 'Taylor', 'Jordan', 'Casey']
const ANGLO_L = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Reed', 'Bailey', 'Bell', 'Kelly', 'Howard', 'Ward', 'Cox', 'Richardson', 'Wood', 'Watson', 'Brooks', 'Bennett', 'Gray', 'Hughes', 'Price', 'Sanders', 'Myers', 'Long', 'Ross', 'Foster', 'Whitfield', 'Brandt', 'Novak', 'Fischer', 'Larsen', 'O\'Brien', 'McCarthy', 'Sullivan']
const NICK = { James: 'Jim', Michael: 'Mike', Robert: 'Bob', David: 'Dave', William: 'Bill', Richard: 'Rick', Joseph: 'Joe', Thomas: 'Tom', Christopher: 'Chris', Daniel: 'Dan', Matthew: 'Matt', Anthony: 'Tony', Steven: 'Steve', Andrew: 'Andy', Joshua: 'Josh', Elizabeth: 'Liz', Jennifer: 'Jen', Jessica: 'Jess', Abigail: 'Abby', Nathan: 'Nate' }
const MIDDLE = ['A.', 'J.', 'M.', 'R.', 'L.', 'Lee', 'Ann', 'Marie', 'James', 'Allen', 'E.', 'K.']

function anglo() {
  const first = R.pick(ANGLO_F), last = R.pick(ANGLO_L)
  let form = `${first} ${last}`
  let bank = form
  const v = R.f()
  if (v < 0.2) bank = `${first} ${R.pick(MIDDLE)} ${last}`
  else if (v < 0.3 && NICK[first]) { form = `${NICK[first]} ${last}`; bank = `${first} ${last}` }
  else if (v < 0.38) bank = `${first} ${last}`.toUpperCase()
  else if (v < 0.42) bank = `${last}, ${first}`
  return { origin: 'anglo', form, resume: form, bankHonest: bank, first: strip(form.split(' ')[0]), last: strip(last) }
}

// Korean: syllables with Hangul and several romanisations [hangul, RR, MR-ish, common]
const KO_SUR = [['김', 'Kim', 'Gim', 'Kim'], ['이', 'Lee', 'Yi', 'Rhee'], ['박', 'Park', 'Bak', 'Pak'], ['최', 'Choi', 'Choe', 'Choi'], ['정', 'Jeong', 'Chong', 'Jung'], ['강', 'Kang', 'Gang', 'Kang'], ['조', 'Cho', 'Jo', 'Cho'], ['윤', 'Yoon', 'Yun', 'Yoon'], ['장', 'Jang', 'Chang', 'Jang'], ['임', 'Lim', 'Im', 'Rim'], ['한', 'Han', 'Han', 'Hahn'], ['오', 'Oh', 'O', 'Oh'], ['서', 'Seo', 'So', 'Suh'], ['신', 'Shin', 'Sin', 'Shin'], ['권', 'Kwon', 'Gwon', 'Kwon'], ['황', 'Hwang', 'Hwang', 'Hwang'], ['안', 'Ahn', 'An', 'Ahn'], ['송', 'Song', 'Song', 'Song'], ['류', 'Ryu', 'Ryu', 'Yoo'], ['전', 'Jeon', 'Chon', 'Jun'], ['홍', 'Hong', 'Hong', 'Hong'], ['고', 'Ko', 'Go', 'Koh'], ['문', 'Moon', 'Mun', 'Moon'], ['양', 'Yang', 'Yang', 'Yang'], ['손', 'Son', 'Son', 'Sohn'], ['배', 'Bae', 'Pae', 'Bae'], ['백', 'Baek', 'Paek', 'Paik'], ['허', 'Heo', 'Ho', 'Huh'], ['노', 'Noh', 'No', 'Roh'], ['남', 'Nam', 'Nam', 'Nam'], ['심', 'Shim', 'Sim', 'Shim'], ['유', 'Yoo', 'Yu', 'You']]
const KO_SYL = [['민', 'min', 'min'], ['준', 'jun', 'jun'], ['서', 'seo', 'so'], ['연', 'yeon', 'yon'], ['지', 'ji', 'ji'], ['현', 'hyeon', 'hyon'], ['우', 'woo', 'u'], ['수', 'soo', 'su'], ['영', 'young', 'yong'], ['호', 'ho', 'ho'], ['진', 'jin', 'jin'], ['혜', 'hye', 'hye'], ['은', 'eun', 'un'], ['성', 'sung', 'song'], ['훈', 'hoon', 'hun'], ['재', 'jae', 'jae'], ['동', 'dong', 'tong'], ['하', 'ha', 'ha'], ['윤', 'yoon', 'yun'], ['상', 'sang', 'sang'], ['태', 'tae', 'thae'], ['희', 'hee', 'hui'], ['경', 'kyung', 'kyong'], ['주', 'joo', 'ju'], ['원', 'won', 'won'], ['석', 'seok', 'sok'], ['철', 'cheol', 'chol'], ['나', 'na', 'na'], ['아', 'ah', 'a'], ['다', 'da', 'da'], ['소', 'so', 'so'], ['예', 'ye', 'ye'], ['도', 'do', 'to'], ['규', 'kyu', 'gyu'], ['인', 'in', 'in'], ['혁', 'hyuk', 'hyok'], ['정', 'jeong', 'jong'], ['유', 'yu', 'yu'], ['빈', 'bin', 'pin'], ['솔', 'sol', 'sol']]
const WESTERN_KO = ['Daniel', 'David', 'Grace', 'Esther', 'James', 'Joseph', 'Sarah', 'Paul', 'Peter', 'Jenny', 'Chris', 'Michelle', 'Andrew', 'Julie', 'Eugene', 'Kevin']
function korean() {
  const s = R.pick(KO_SUR)
  const g1 = R.pick(KO_SYL), g2 = R.pick(KO_SYL)
  const sysIdx = R.chance(0.7) ? 1 : 2
  const sur = R.chance(0.75) ? s[1] : R.pick([s[2], s[3]])
  const gA = g1[sysIdx], gB = g2[sysIdx]
  const joined = cap(gA + gB), hyph = `${cap(gA)}-${gB}`, split = `${cap(gA)} ${cap(gB)}`
  const given = R.pick([joined, joined, hyph, hyph, split])
  const hangul = s[0] + g1[0] + g2[0]
  const v = R.f()
  let form
  if (v < 0.45) form = `${given} ${sur}`
  else if (v < 0.65) form = `${sur} ${given}`
  else if (v < 0.8) form = `${R.pick(WESTERN_KO)} ${sur}`
  else if (v < 0.9) form = `${R.pick(WESTERN_KO)} ${given} ${sur}`
  else form = hangul
  // how the same honest person may be written elsewhere
  const bankOptions = [hangul, `${sur.toUpperCase()} ${joined.toUpperCase()}`, `${sur} ${hyph}`, `${joined} ${sur}`, `${cap(g1[2] + g2[2])} ${s[2]}`, `${split} ${sur}`]
  const resume = form === hangul ? `${joined} ${sur}` : form
  const latin = form === hangul ? `${joined} ${sur}` : form
  const parts = latin.split(' ')
  return { origin: 'korean', form, resume, bankHonest: R.pick(bankOptions), hangul, first: strip(parts[0] === sur && parts.length > 1 ? parts.slice(1).join('') : parts[0]), last: strip(sur), sur, given: joined }
}

const ZH_SUR = [['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['黄', 'Huang'], ['赵', 'Zhao'], ['吴', 'Wu'], ['周', 'Zhou'], ['徐', 'Xu'], ['孙', 'Sun'], ['马', 'Ma'], ['朱', 'Zhu'], ['胡', 'Hu'], ['郭', 'Guo'], ['何', 'He'], ['林', 'Lin'], ['罗', 'Luo'], ['高', 'Gao']]
const ZH_GIV = [['伟', 'Wei'], ['芳', 'Fang'], ['晓明', 'Xiaoming'], ['静', 'Jing'], ['磊', 'Lei'], ['艳', 'Yan'], ['浩', 'Hao'], ['宇', 'Yu'], ['杰', 'Jie'], ['敏', 'Min'], ['强', 'Qiang'], ['涛', 'Tao'], ['欣', 'Xin'], ['一辰', 'Yichen'], ['子涵', 'Zihan'], ['若汐', 'Ruoxi'], ['浩然', 'Haoran'], ['佳怡', 'Jiayi'], ['俊杰', 'Junjie'], ['思远', 'Siyuan']]
const CANTO = [['Chan', 'Tai Man'], ['Wong', 'Ka Wai'], ['Cheung', 'Wing Yan'], ['Lau', 'Chi Keung'], ['Leung', 'Hoi Ying'], ['Ng', 'Siu Ming']]
const TW = [['Chen', 'Yi-hsuan'], ['Lin', 'Chia-hao'], ['Huang', 'Shu-fen'], ['Tsai', 'Ming-che'], ['Wu', 'Pei-chun'], ['Chang', 'Wei-ting']]
const EN_ZH = ['Kevin', 'Jason', 'Vivian', 'Cindy', 'Eric', 'Tony', 'Amy', 'Jack', 'Lily', 'Frank', 'Helen', 'Leo']
function chinese() {
  const v = R.f()
  if (v < 0.15) { const [s, g] = R.pick(CANTO); const form = R.chance(0.5) ? `${g} ${s}` : `${R.pick(EN_ZH)} ${s}`; return { origin: 'chinese', form, resume: form, bankHonest: `${s.toUpperCase()} ${g.toUpperCase()}`, first: form.split(' ')[0], last: s } }
  if (v < 0.27) { const [s, g] = R.pick(TW); const form = `${g} ${s}`; return { origin: 'chinese', form, resume: form, bankHonest: R.pick([`${s} ${g}`, `${g.replace('-', '')} ${s}`, `${s.toUpperCase()}, ${g.toUpperCase().replace('-', ' ')}`]), first: g.replace('-', ''), last: s } }
  const [sh, s] = R.pick(ZH_SUR), [gh, g] = R.pick(ZH_GIV)
  const gSplit = g.length > 4 && /[A-Z][a-z]+[a-z]/.test(g) ? g.replace(/^(Xiao|Yi|Zi|Ruo|Hao|Jia|Jun|Si)(.+)$/, (m, a, b) => `${a} ${cap(b)}`) : g
  const w = R.f()
  let form
  if (w < 0.45) form = `${g} ${s}`
  else if (w < 0.65) form = `${s} ${g}`
  else if (w < 0.85) form = `${R.pick(EN_ZH)} ${s}`
  else form = `${R.pick(EN_ZH)} ${g} ${s}`
  const bank = R.pick([sh + gh, `${s} ${g}`, `${gSplit} ${s}`, `${s.toUpperCase()} ${g.toUpperCase()}`, `${g} ${s}`])
  return { origin: 'chinese', form, resume: form, bankHonest: bank, first: form.startsWith(`${s} `) ? g : form.split(' ')[0], last: s }
}

const VI_SUR = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương']
const VI_MID = ['Văn', 'Thị', 'Minh', 'Đức', 'Thanh', 'Ngọc', 'Quốc', 'Hoàng', 'Anh', 'Thu']
const VI_GIV = ['An', 'Hương', 'Linh', 'Dũng', 'Hùng', 'Trang', 'Nam', 'Phương', 'Tuấn', 'Huy', 'Lan', 'Khoa', 'Thảo', 'Long', 'Vy', 'Quân', 'Hà', 'Bảo']
function vietnamese() {
  const s = R.pick(VI_SUR), m = R.pick(VI_MID), g = R.pick(VI_GIV)
  const full = `${s} ${m} ${g}`
  const form = R.pick([full, `${g} ${s}`, `${strip(g)} ${strip(s)}`, `${strip(g)} ${strip(m)} ${strip(s)}`, full])
  return { origin: 'vietnamese', form, resume: R.chance(0.7) ? form : strip(full), bankHonest: R.pick([strip(full).toUpperCase(), strip(full), full]), first: strip(g), last: strip(s) }
}

const AR = [['Mohammed', 'محمد'], ['Ahmed', 'أحمد'], ['Omar', 'عمر'], ['Youssef', 'يوسف'], ['Khaled', 'خالد'], ['Fatima', 'فاطمة'], ['Layla', 'ليلى'], ['Mariam', 'مريم'], ['Hassan', 'حسن'], ['Nour', 'نور'], ['Rania', 'رانيا'], ['Tariq', 'طارق'], ['Samir', 'سمير'], ['Huda', 'هدى']]
const AR_L = [['Al-Hassan', 'الحسن', ['Alhassan', 'El Hassan', 'Al Hassan']], ['Abdel-Rahman', 'عبد الرحمن', ['Abdelrahman', 'Abd al-Rahman', 'Abdul Rahman']], ['Haddad', 'حداد', ['Hadad', 'Al-Haddad']], ['Mansour', 'منصور', ['Mansur', 'Al Mansour']], ['Khalil', 'خليل', ['Khaleel', 'Al-Khalil']], ['Nasser', 'ناصر', ['Naser', 'Nasir']], ['Saleh', 'صالح', ['Salih', 'Al-Saleh']], ['Farouk', 'فاروق', ['Farooq', 'Faruq']], ['Qureshi', 'قريشي', ['Qurashi', 'Al-Qurashi']], ['Hamdan', 'حمدان', ['Hamdaan', 'Al Hamdan']]]
const AR_FVAR = { Mohammed: ['Muhammad', 'Mohamed', 'Mohammad'], Ahmed: ['Ahmad'], Youssef: ['Yousef', 'Yusuf'], Khaled: ['Khalid'], Omar: ['Umar'], Tariq: ['Tarek'] }
function arabic() {
  const [f, fa] = R.pick(AR), [l, la, lv] = R.pick(AR_L)
  const form = `${f} ${l}`
  const bank = R.pick([`${fa} ${la}`, `${R.pick(AR_FVAR[f] || [f])} ${R.pick(lv)}`, `${f} ${R.pick(['bin Ali', 'Hassan', 'Ibrahim', 'Saeed'])} ${l}`, form.toUpperCase()])
  return { origin: 'arabic', form, resume: form, bankHonest: bank, first: f, last: l.replace('-', '') }
}

const SL = [['Oleksandr', 'Олександр', 'Alexander', 'Kovalenko', 'Коваленко'], ['Dmytro', 'Дмитро', 'Dmitry', 'Shevchenko', 'Шевченко'], ['Serhiy', 'Сергій', 'Sergei', 'Bondarenko', 'Бондаренко'], ['Olha', 'Ольга', 'Olga', 'Tkachenko', 'Ткаченко'], ['Iuliia', 'Юлія', 'Yulia', 'Melnyk', 'Мельник'], ['Andriy', 'Андрій', 'Andrew', 'Kravchenko', 'Кравченко'], ['Natalia', 'Наталія', 'Natalie', 'Boyko', 'Бойко'], ['Aleksei', 'Алексей', 'Alexey', 'Ivanov', 'Иванов'], ['Ekaterina', 'Екатерина', 'Katya', 'Smirnova', 'Смирнова'], ['Mikhail', 'Михаил', 'Michael', 'Petrov', 'Петров'], ['Anastasia', 'Анастасия', 'Nastya', 'Volkova', 'Волкова'], ['Yevhen', 'Євген', 'Eugene', 'Lysenko', 'Лисенко'], ['Tetiana', 'Тетяна', 'Tanya', 'Marchenko', 'Марченко'], ['Vladimir', 'Владимир', 'Vlad', 'Sokolov', 'Соколов']]
function slavic() {
  const pick = R.pick(SL)
  // independent first/last recombination
  const other = R.pick(SL)
  const [f, fc, fw] = pick, [, , , l, lc] = other
  const form = R.pick([`${f} ${l}`, `${fw} ${l}`, `${f} ${l}`])
  const bank = R.pick([`${fc} ${lc}`, `${f} ${l}`.toUpperCase(), `${l} ${f}`, `${f} ${l}`])
  return { origin: 'slavic', form, resume: form, bankHonest: bank, first: strip(form.split(' ')[0]), last: l }
}

const ES_F = ['María José', 'José Luis', 'Juan Carlos', 'Ana María', 'Luis', 'Carmen', 'Javier', 'Lucía', 'Alejandro', 'Sofía', 'Diego', 'Valentina', 'Andrés', 'Camila', 'Mateo', 'Daniela', 'Fernando', 'Gabriela', 'Pablo', 'Isabel']
const ES_L = ['García', 'Rodríguez', 'Martínez', 'López', 'González', 'Hernández', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Morales', 'Ortiz', 'Castillo', 'Jiménez', 'Ruiz', 'Vargas', 'Aguilar', 'Fernández', 'Mendoza', 'Herrera']
function hispanic() {
  const f = R.pick(ES_F), p = R.pick(ES_L), m = R.pick(ES_L)
  const full = `${f} ${p} ${m}`
  const short = `${f.split(' ')[0]} ${p}`
  const form = R.pick([short, short, full, `${f} ${p}`, `${strip(f.split(' ')[0])} ${strip(p)}`])
  const bank = R.pick([full, strip(full).toUpperCase(), `${f} ${p}-${m}`, `${f.split(' ')[0]} ${p} ${m}`, form])
  return { origin: 'hispanic', form, resume: form, bankHonest: bank, first: strip(f.split(' ')[0]), last: strip(p) }
}

const IN_F = ['Priya', 'Rahul', 'Ananya', 'Arjun', 'Deepika', 'Vikram', 'Sneha', 'Karthik', 'Aditya', 'Pooja', 'Rohan', 'Divya', 'Sanjay', 'Lakshmi', 'Suresh', 'Meera', 'Venkata Subramanian', 'Sai Krishna', 'Nikhil', 'Harpreet']
const IN_L = ['Sharma', 'Patel', 'Venkataraman', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Singh', 'Krishnan', 'Rao', 'Menon', 'Chatterjee', 'Banerjee', 'Desai', 'Joshi', 'Kulkarni', 'Agarwal', 'Pillai', 'Raghavan', 'Kaur']
function indian() {
  const f = R.pick(IN_F), l = R.pick(IN_L)
  const form = `${f} ${l}`
  const bank = R.pick([`${l.charAt(0)}. ${f}`, `${f} ${l}`.toUpperCase(), `${f.split(' ')[0]} ${R.pick(['Kumar', 'Devi', 'S', 'R'])} ${l}`, `${f.split(' ').map(x => x.charAt(0)).join(' ')} ${l}`, form])
  return { origin: 'indian', form, resume: form, bankHonest: bank, first: f.split(' ')[0], last: l }
}

const NG = [['Chukwuemeka', 'Emeka'], ['Oluwaseun', 'Seun'], ['Babatunde', 'Tunde'], ['Ngozi', 'Ngozi'], ['Adaeze', 'Ada'], ['Oluwafemi', 'Femi'], ['Chiamaka', 'Amaka'], ['Olumide', 'Mide'], ['Ifeoma', 'Ify'], ['Abubakar', 'Abu'], ['Temitope', 'Tope'], ['Obinna', 'Obi']]
const NG_L = ['Okafor', 'Adeyemi', 'Eze', 'Ogunleye', 'Nwosu', 'Balogun', 'Okonkwo', 'Adebayo', 'Ibrahim', 'Obi', 'Afolabi', 'Chukwu', 'Oyelaran', 'Nnamdi']
function nigerian() {
  const [full, nick] = R.pick(NG), l = R.pick(NG_L)
  const form = R.pick([`${full} ${l}`, `${nick} ${l}`, `${full} ${l}`])
  const bank = R.pick([`${l.toUpperCase()} ${full.toUpperCase()} ${R.pick(['CHINEDU', 'ADEWALE', 'IFEANYI', 'OLUWASEGUN'])}`, `${full} ${l}`, `${l} ${full}`])
  return { origin: 'nigerian', form, resume: form, bankHonest: bank, first: slug(form.split(' ')[0]), last: l }
}

const JP = [['佐藤', 'Sato', 'Satō'], ['鈴木', 'Suzuki', 'Suzuki'], ['高橋', 'Takahashi', 'Takahashi'], ['田中', 'Tanaka', 'Tanaka'], ['伊藤', 'Ito', 'Itō'], ['渡辺', 'Watanabe', 'Watanabe'], ['小野', 'Ono', 'Ohno']]
const JP_G = [['陽翔', 'Haruto'], ['結衣', 'Yui'], ['翔太', 'Shota'], ['美咲', 'Misaki'], ['大輔', 'Daisuke'], ['由美', 'Yumi'], ['健太', 'Kenta'], ['彩', 'Aya']]
function japanese() {
  const [sk, s, smac] = R.pick(JP), [gk, g] = R.pick(JP_G)
  const form = R.pick([`${g} ${s}`, `${s} ${g}`, `${g} ${smac}`])
  return { origin: 'japanese', form, resume: form, bankHonest: R.pick([sk + gk, `${s.toUpperCase()} ${g.toUpperCase()}`, `${g} ${s}`]), first: g, last: s }
}

const EU = [['Łukasz', 'Wiśniewski'], ['Jürgen', 'Müller'], ['Zoë', 'Lefèvre'], ['Søren', 'Jørgensen'], ['Ines', 'Gonçalves'], ['Mateusz', 'Kowalczyk'], ['Ágnes', 'Szabó'], ['Tomás', 'Ó Briain'], ['Giulia', 'Esposito'], ['Lars', 'Andersson'], ['Katarzyna', 'Nowak'], ['Pieter', 'van der Berg']]
function european() {
  const [f, l] = R.pick(EU)
  const form = `${f} ${l}`
  const bank = R.pick([strip(form).toUpperCase(), form.replace('ü', 'ue').replace('ø', 'oe'), strip(form), form])
  return { origin: 'european', form, resume: form, bankHonest: bank, first: slug(f), last: slug(l) }
}

const FIL = [['Maria Cristina', 'Santos'], ['Jose Miguel', 'Reyes'], ['Mark Anthony', 'dela Cruz'], ['Kristine', 'Bautista'], ['John Paul', 'Mendoza'], ['Angelica', 'Villanueva']]
function filipino() {
  const [f, l] = R.pick(FIL)
  const form = R.pick([`${f} ${l}`, `${f.split(' ')[0]} ${l}`])
  return { origin: 'filipino', form, resume: form, bankHonest: R.pick([`${f} ${R.pick(['Garcia', 'Ramos', 'Lim'])} ${l}`, `${f} ${l}`.toUpperCase(), form]), first: slug(f.split(' ')[0]), last: slug(l) }
}

const ORIGINS = { anglo, korean, chinese, vietnamese, arabic, slavic, hispanic, indian, nigerian, japanese, european, filipino }
// benign applicant pool: Korean names are plentiful on purpose
const BENIGN_MIX = [['anglo', 30], ['korean', 15], ['chinese', 10], ['indian', 10], ['hispanic', 9], ['vietnamese', 5], ['slavic', 5], ['arabic', 4], ['nigerian', 4], ['european', 4], ['japanese', 2], ['filipino', 2]]
// personas: names do NOT follow origin; mostly "Western" personas, but any name occurs
const PERSONA_MIX = [['anglo', 45], ['korean', 10], ['chinese', 8], ['european', 8], ['hispanic', 8], ['indian', 6], ['slavic', 5], ['vietnamese', 3], ['japanese', 3], ['arabic', 2], ['nigerian', 1], ['filipino', 1]]
function weighted(mix) {
  const total = mix.reduce((a, [, w]) => a + w, 0)
  let x = R.f() * total
  for (const [k, w] of mix) { x -= w; if (x < 0) return k }
  return mix[0][0]
}
const TWIN_OF = { anglo: 'korean', korean: 'anglo', chinese: 'hispanic', hispanic: 'chinese', vietnamese: 'european', european: 'vietnamese', arabic: 'slavic', slavic: 'arabic', indian: 'nigerian', nigerian: 'indian', japanese: 'filipino', filipino: 'japanese' }
function makeName(mix, origin) {
  const o = origin || weighted(mix)
  const orig = withRng(NAME_RNG, () => ORIGINS[o]())
  if (!TWIN) return orig
  const tw = withRng(TWIN_RNG, () => ORIGINS[TWIN_OF[o]]())
  return { ...tw, origin: o, shownOrigin: TWIN_OF[o] } // decisions keep the original origin; only the spelling changes
}
const latinOf = n => (/[^ -\u024f]/.test(n.form) ? n.resume : n.form)

// ---------------------------------------------------------------- places, phones, IPs
const US = [
  { city: 'Chicago', region: 'IL', zip: '606', ac: ['312', '773', '872'], tz: 'America/Chicago' },
  { city: 'Austin', region: 'TX', zip: '787', ac: ['512', '737'], tz: 'America/Chicago' },
  { city: 'Dallas', region: 'TX', zip: '752', ac: ['214', '469', '972'], tz: 'America/Chicago' },
  { city: 'Houston', region: 'TX', zip: '770', ac: ['713', '832', '281'], tz: 'America/Chicago' },
  { city: 'Seattle', region: 'WA', zip: '981', ac: ['206', '425'], tz: 'America/Los_Angeles' },
  { city: 'Portland', region: 'OR', zip: '972', ac: ['503', '971'], tz: 'America/Los_Angeles' },
  { city: 'San Jose', region: 'CA', zip: '951', ac: ['408', '669'], tz: 'America/Los_Angeles' },
  { city: 'Los Angeles', region: 'CA', zip: '900', ac: ['213', '323', '310'], tz: 'America/Los_Angeles' },
  { city: 'San Diego', region: 'CA', zip: '921', ac: ['619', '858'], tz: 'America/Los_Angeles' },
  { city: 'Denver', region: 'CO', zip: '802', ac: ['303', '720'], tz: 'America/Denver' },
  { city: 'Phoenix', region: 'AZ', zip: '850', ac: ['602', '480'], tz: 'America/Phoenix' },
  { city: 'New York', region: 'NY', zip: '100', ac: ['212', '646', '917'], tz: 'America/New_York' },
  { city: 'Brooklyn', region: 'NY', zip: '112', ac: ['718', '347'], tz: 'America/New_York' },
  { city: 'Boston', region: 'MA', zip: '021', ac: ['617', '857'], tz: 'America/New_York' },
  { city: 'Atlanta', region: 'GA', zip: '303', ac: ['404', '678', '470'], tz: 'America/New_York' },
  { city: 'Raleigh', region: 'NC', zip: '276', ac: ['919', '984'], tz: 'America/New_York' },
  { city: 'Miami', region: 'FL', zip: '331', ac: ['305', '786'], tz: 'America/New_York' },
  { city: 'Philadelphia', region: 'PA', zip: '191', ac: ['215', '267'], tz: 'America/New_York' },
  { city: 'Nashville', region: 'TN', zip: '372', ac: ['615', '629'], tz: 'America/Chicago' },
  { city: 'Minneapolis', region: 'MN', zip: '554', ac: ['612', '651'], tz: 'America/Chicago' },
  { city: 'Columbus', region: 'OH', zip: '432', ac: ['614', '380'], tz: 'America/New_York' },
  { city: 'Fairfax', region: 'VA', zip: '220', ac: ['703', '571'], tz: 'America/New_York' },
  { city: 'Salt Lake City', region: 'UT', zip: '841', ac: ['801', '385'], tz: 'America/Denver' },
  { city: 'Litchfield Park', region: 'AZ', zip: '853', ac: ['623'], tz: 'America/Phoenix' },
]
const ABROAD = {
  KR: { city: ['Seoul', 'Busan', 'Seongnam', 'Incheon'], region: ['Seoul', 'Busan', 'Gyeonggi-do', 'Incheon'], tz: 'Asia/Seoul', cc: '+82', phone: () => `+82 10-${R.digits(4)}-${R.digits(4)}`, post: () => R.digits(5), cur: 'KRW', streets: ['Teheran-ro', 'Gangnam-daero', 'Haeundae-ro', 'Pangyoyeok-ro', 'Olympic-ro'] },
  VN: { city: ['Hanoi', 'Ho Chi Minh City', 'Da Nang'], region: ['Hà Nội', 'Hồ Chí Minh', 'Đà Nẵng'], tz: 'Asia/Ho_Chi_Minh', cc: '+84', phone: () => `+84 9${R.int(0, 9)} ${R.digits(3)} ${R.digits(4)}`, post: () => R.digits(6), cur: 'VND', streets: ['Láng Hạ', 'Nguyễn Huệ', 'Trần Phú', 'Lê Lợi'] },
  CN: { city: ['Shenzhen', 'Shanghai', 'Chengdu', 'Hangzhou'], region: ['Guangdong', 'Shanghai', 'Sichuan', 'Zhejiang'], tz: 'Asia/Shanghai', cc: '+86', phone: () => `+86 13${R.int(0, 9)} ${R.digits(4)} ${R.digits(4)}`, post: () => R.digits(6), cur: 'CNY', streets: ['Keyuan Rd', 'Nanjing W Rd', 'Tianfu Ave', 'Wensan Rd'] },
  TW: { city: ['Taipei', 'Hsinchu'], region: ['Taipei', 'Hsinchu'], tz: 'Asia/Taipei', cc: '+886', phone: () => `+886 9${R.digits(2)} ${R.digits(3)} ${R.digits(3)}`, post: () => R.digits(3), cur: 'TWD', streets: ['Xinyi Rd', 'Guangfu Rd'] },
  JP: { city: ['Tokyo', 'Osaka', 'Fukuoka'], region: ['Tokyo', 'Osaka', 'Fukuoka'], tz: 'Asia/Tokyo', cc: '+81', phone: () => `+81 90-${R.digits(4)}-${R.digits(4)}`, post: () => `${R.digits(3)}-${R.digits(4)}`, cur: 'JPY', streets: ['Shibuya', 'Umeda', 'Tenjin'] },
  UA: { city: ['Kyiv', 'Lviv', 'Kharkiv'], region: ['Kyiv', 'Lviv Oblast', 'Kharkiv Oblast'], tz: 'Europe/Kyiv', cc: '+380', phone: () => `+380 67 ${R.digits(3)} ${R.digits(4)}`, post: () => R.digits(5), cur: 'UAH', streets: ['Khreshchatyk St', 'Shevchenka Ave', 'Sumska St'] },
  PL: { city: ['Warsaw', 'Kraków', 'Wrocław'], region: ['Mazowieckie', 'Małopolskie', 'Dolnośląskie'], tz: 'Europe/Warsaw', cc: '+48', phone: () => `+48 5${R.digits(2)} ${R.digits(3)} ${R.digits(3)}`, post: () => `${R.digits(2)}-${R.digits(3)}`, cur: 'PLN', streets: ['ul. Marszałkowska', 'ul. Długa', 'ul. Legnicka'] },
  ES: { city: ['Madrid', 'Barcelona', 'Valencia'], region: ['Madrid', 'Cataluña', 'Valencia'], tz: 'Europe/Madrid', cc: '+34', phone: () => `+34 6${R.digits(2)} ${R.digits(3)} ${R.digits(3)}`, post: () => R.digits(5), cur: 'EUR', streets: ['Calle de Alcalá', 'Carrer de Mallorca', 'Avenida del Puerto'] },
  MX: { city: ['Ciudad de México', 'Guadalajara', 'Monterrey'], region: ['CDMX', 'Jalisco', 'Nuevo León'], tz: 'America/Mexico_City', cc: '+52', phone: () => `+52 55 ${R.digits(4)} ${R.digits(4)}`, post: () => R.digits(5), cur: 'MXN', streets: ['Av. Insurgentes Sur', 'Av. Chapultepec', 'Calz. del Valle'] },
  CO: { city: ['Bogotá', 'Medellín'], region: ['Bogotá D.C.', 'Antioquia'], tz: 'America/Bogota', cc: '+57', phone: () => `+57 3${R.digits(2)} ${R.digits(3)} ${R.digits(4)}`, post: () => R.digits(6), cur: 'COP', streets: ['Carrera 7', 'Calle 10'] },
  AR: { city: ['Buenos Aires', 'Córdoba'], region: ['CABA', 'Córdoba'], tz: 'America/Argentina/Buenos_Aires', cc: '+54', phone: () => `+54 9 11 ${R.digits(4)}-${R.digits(4)}`, post: () => `C${R.digits(4)}`, cur: 'ARS', streets: ['Av. Corrientes', 'Av. Santa Fe'] },
  BR: { city: ['São Paulo', 'Recife'], region: ['SP', 'PE'], tz: 'America/Sao_Paulo', cc: '+55', phone: () => `+55 11 9${R.digits(4)}-${R.digits(4)}`, post: () => `${R.digits(5)}-${R.digits(3)}`, cur: 'BRL', streets: ['Av. Paulista', 'Rua da Aurora'] },
  NG: { city: ['Lagos', 'Abuja'], region: ['Lagos', 'FCT'], tz: 'Africa/Lagos', cc: '+234', phone: () => `+234 80${R.int(0, 9)} ${R.digits(3)} ${R.digits(4)}`, post: () => R.digits(6), cur: 'NGN', streets: ['Admiralty Way', 'Adeola Odeku St', 'Aminu Kano Cres'] },
  IN: { city: ['Bengaluru', 'Hyderabad', 'Pune', 'Chennai'], region: ['Karnataka', 'Telangana', 'Maharashtra', 'Tamil Nadu'], tz: 'Asia/Kolkata', cc: '+91', phone: () => `+91 9${R.digits(4)} ${R.digits(5)}`, post: () => R.digits(6), cur: 'INR', streets: ['MG Road', 'Hitech City Rd', 'FC Road', 'Anna Salai'] },
  GB: { city: ['London', 'Manchester', 'Edinburgh'], region: ['England', 'England', 'Scotland'], tz: 'Europe/London', cc: '+44', phone: () => `+44 7${R.digits(3)} ${R.digits(6)}`, post: () => R.pick(['E1 6AN', 'M1 4BT', 'EH1 1YZ', 'SW9 8HR', 'N16 7UX']), cur: 'GBP', streets: ['Commercial St', 'Oxford Rd', 'Leith Walk'] },
  DE: { city: ['Berlin', 'Munich', 'Hamburg'], region: ['Berlin', 'Bayern', 'Hamburg'], tz: 'Europe/Berlin', cc: '+49', phone: () => `+49 15${R.int(1, 9)} ${R.digits(8)}`, post: () => R.digits(5), cur: 'EUR', streets: ['Torstraße', 'Leopoldstraße', 'Schanzenstraße'] },
  CA: { city: ['Toronto', 'Vancouver', 'Montréal'], region: ['ON', 'BC', 'QC'], tz: 'America/Toronto', cc: '+1', phone: () => `+1 ${R.pick(['416', '604', '514'])} ${R.int(200, 989)} ${R.digits(4)}`, post: () => `${R.pick(['M5V', 'V6B', 'H2X'])} ${R.int(1, 9)}${R.pick(['A', 'K', 'T'])}${R.int(1, 9)}`, cur: 'CAD', streets: ['Queen St W', 'Granville St', 'Rue Saint-Denis'] },
  AE: { city: ['Dubai'], region: ['Dubai'], tz: 'Asia/Dubai', cc: '+971', phone: () => `+971 50 ${R.digits(3)} ${R.digits(4)}`, post: () => '', cur: 'AED', streets: ['Sheikh Zayed Rd', 'Al Wasl Rd'] },
  JO: { city: ['Amman'], region: ['Amman'], tz: 'Asia/Amman', cc: '+962', phone: () => `+962 7${R.int(7, 9)} ${R.digits(3)} ${R.digits(4)}`, post: () => R.digits(5), cur: 'JOD', streets: ['Mecca St', 'Zahran St'] },
  EG: { city: ['Cairo'], region: ['Cairo'], tz: 'Africa/Cairo', cc: '+20', phone: () => `+20 10 ${R.digits(4)} ${R.digits(4)}`, post: () => R.digits(5), cur: 'EGP', streets: ['Tahrir St', 'Road 9'] },
}
// residential / mobile networks by country (checked NOT to be in the datacenter or VPN lists)
const RES_IP = {
  US: ['73.12', '73.158', '73.71', '24.163', '71.190', '108.28', '99.104', '174.62', '76.104', '98.210', '67.180', '50.35', '172.58', '107.77', '68.34', '96.241'],
  KR: ['121.134', '211.36', '175.223', '58.120', '218.38', '14.52', '59.5', '112.169'],
  CN: ['123.120', '36.112', '113.108', '117.136'],
  VN: ['116.110', '27.64', '42.118', '113.161'],
  NG: ['102.89', '105.112', '197.210'],
  IN: ['49.36', '106.51', '122.171'],
  ES: ['83.32', '79.116'], UA: ['176.36', '91.202'], RU: ['95.24', '94.25'],
  MX: ['187.190', '189.203', '201.170'], CO: ['181.49', '186.80', '190.25'], BR: ['177.33'], AR: ['181.46'],
  GB: ['82.132', '81.98', '86.3', '90.208'], DE: ['87.122'], PL: ['89.64'], CA: ['24.114', '70.52'],
  TW: ['1.160', '114.34'], JP: ['126.72', '60.112'], AE: ['94.200'], JO: ['92.253'], EG: ['41.35'],
}
// datacenter / hosting blocks (each /24 checked against output-datacenter-ipv4.txt)
const DC_24 = ['159.89.14', '159.89.120', '167.99.5', '167.99.88', '138.68.3', '138.68.40', '45.76.3', '45.76.112', '95.216.3', '95.216.90', '65.108.3', '65.108.77', '51.75.3', '51.75.60', '89.187.170', '156.146.40', '138.199.20', '193.32.127', '20.51.3', '34.83.3', '3.90.4', '13.56.3', '103.216.220', '43.224.34']
// consumer VPN exits (checked against output-vpn-ipv4.txt)
const VPN_24 = ['185.236.200', '45.134.140', '154.47.16']
const ipLog = [] // [ip, kind] for self-check, written outside the population
function ipIn(prefix, kind) { const parts = prefix.split('.'); while (parts.length < 3) parts.push(String(R.int(1, 254))); const ip = `${parts.join('.')}.${R.int(2, 250)}`; ipLog.push([ip, kind]); return ip }
const resIp = cc => ipIn(R.pick(RES_IP[cc] || RES_IP.US), `res-${cc}`)
const dcIp = () => ipIn(R.pick(DC_24), 'dc')
const vpnIp = () => ipIn(R.pick(VPN_24), 'vpn')

const STREETS = ['Oak St', 'Maple Ave', 'Pine St', 'Cedar Ln', 'Elm St', 'Washington Ave', 'Lake St', 'Hillside Dr', 'Park Ave', 'Sunset Blvd', 'Madison St', 'Jefferson St', '2nd Ave', '5th St', 'Riverside Dr', 'Highland Ave', 'Broadway', 'Walnut St', 'Chestnut St', 'Magnolia Dr', 'Willow Way', 'Glenwood Ave', 'Lincoln Ave', 'Franklin St', 'Spring St', 'Mill Rd', 'Church St', 'Forest Ave', 'Meadow Ln', 'Birch Rd']
function usAddress(loc, opts = {}) {
  const a = { line1: `${R.int(10, 9899)} ${R.pick(STREETS)}`, city: loc.city, region: loc.region, postal_code: `${loc.zip}${R.digits(2)}`, country: 'US' }
  if (opts.apt || R.chance(0.3)) a.line2 = R.pick(['Apt', 'Unit', '#', 'Apt.']) + ' ' + R.int(1, 40) + R.pick(['', '', 'A', 'B'])
  return a
}
function abroadAddress(cc) {
  const c = ABROAD[cc], i = R.int(0, c.city.length - 1)
  const a = { line1: `${R.int(1, 300)} ${R.pick(c.streets)}`, city: c.city[i], region: c.region[i], postal_code: c.post(), country: cc }
  if (!a.postal_code) delete a.postal_code
  return a
}
const usPhone = loc => `+1 ${R.pick(loc.ac)} ${R.int(201, 989)} ${R.digits(4)}`
function phoneStyle(p) { // people write numbers differently
  if (!p.startsWith('+1 ')) return p
  const [, ac, ex, ln] = p.split(' ')
  return R.pick([p, p, `(${ac}) ${ex}-${ln}`, `${ac}-${ex}-${ln}`, `+1${ac}${ex}${ln}`, `1-${ac}-${ex}-${ln}`])
}

// ---------------------------------------------------------------- time helpers
function tzOffsetMin(tz, date) {
  const s = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' }).formatToParts(date).find(p => p.type === 'timeZoneName').value
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(s)
  if (!m) return 0
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] || 0))
}
// a Date for local wall-clock time (y,m,d,h,mi) in tz
function localToUtc(tz, y, mo, d, h, mi, s = 0) {
  const guess = new Date(Date.UTC(y, mo, d, h, mi, s))
  const off = tzOffsetMin(tz, guess)
  return new Date(guess.getTime() - off * 60000)
}
const iso = d => d.toISOString().replace(/\.\d{3}Z$/, 'Z')
function addDays(d, n) { return new Date(d.getTime() + n * 86400000) }

// ---------------------------------------------------------------- employers, resumes
const CO_A = ['Blue', 'North', 'Harbor', 'Summit', 'Cedar', 'Iron', 'Bright', 'Silver', 'Granite', 'River', 'Pioneer', 'Atlas', 'Beacon', 'Crescent', 'Falcon', 'Lumen', 'Maple', 'Orbit', 'Prairie', 'Quarry', 'Redwood', 'Sable', 'Tidal', 'Vantage', 'Willow', 'Zephyr', 'Copper', 'Meridian', 'Keystone', 'Lakeshore', 'Oakleaf', 'Triangle', 'Coastal', 'Evergreen', 'Frontier', 'Highland']
const CO_B = ['peak', 'gate', 'line', 'field', 'stone', 'works', 'bridge', 'point', 'wave', 'path', 'forge', 'light', 'crest', 'view', 'stack', 'grid']
const CO_C = ['Software', 'Labs', 'Systems', 'Analytics', 'Health', 'Logistics', 'Insurance', 'Financial', 'Media', 'Robotics', 'Digital', 'Data', 'Networks', 'Retail', 'Energy', 'Freight Systems', 'Learning', 'Security']
const REAL_CO = ['Amazon', 'Accenture', 'Infosys', 'Samsung SDS', 'Kakao', 'NAVER', 'FPT Software', 'EPAM Systems', 'Globant', 'Shopify', 'Capital One', 'Target', 'Oracle', 'IBM', 'Cognizant', 'Wipro', 'Mercado Libre', 'Rakuten', 'Grab', 'Zalando', 'ThoughtWorks', 'LG CNS', 'Coupang', 'Tencent', 'Baidu', 'SAP', 'Deloitte', 'Booz Allen Hamilton', 'Epic Systems', 'Salesforce']
function coName() { return `${R.pick(CO_A)}${R.chance(0.6) ? R.pick(CO_B) : ' ' + R.pick(CO_A)} ${R.pick(CO_C)}` }
const coDomain = name => `${slug(name.replace(/\b(Software|Labs|Systems|Analytics|Health|Logistics|Insurance|Financial|Media|Robotics|Digital|Data|Networks|Retail|Energy|Freight Systems|Learning|Security)\b/g, ''))}${R.pick(['.com', '.com', '.io', '.co', '.net'])}`
const ROLES = ['Senior Backend Engineer', 'Full Stack Developer', 'Frontend Engineer', 'Site Reliability Engineer', 'Data Engineer', 'Mobile Developer (iOS)', 'Android Developer', 'DevOps Engineer', 'Machine Learning Engineer', 'Smart Contract Developer', 'QA Automation Engineer', 'Platform Engineer', 'Software Engineer II', 'Staff Software Engineer', 'Security Engineer', 'Solutions Architect', 'Blockchain Engineer', 'React Developer', 'Python Developer', 'Golang Developer']
const SKILLS = ['JavaScript', 'TypeScript', 'React', 'Node.js', 'Python', 'Django', 'Go', 'Rust', 'Java', 'Spring', 'Kotlin', 'Swift', 'AWS', 'GCP', 'Azure', 'Kubernetes', 'Terraform', 'PostgreSQL', 'MySQL', 'Redis', 'Kafka', 'GraphQL', 'Solidity', 'Hardhat', 'Ethers.js', 'Vue', 'Angular', 'C#', '.NET', 'Ruby on Rails', 'Elixir', 'Spark', 'Airflow', 'dbt', 'PyTorch', 'TensorFlow', 'Flutter', 'React Native', 'Next.js', 'Docker', 'Prometheus', 'Grafana']
const VERB = ['Built', 'Designed', 'Migrated', 'Led', 'Rewrote', 'Automated', 'Shipped', 'Scaled', 'Maintained', 'Introduced', 'Cut', 'Owned', 'Refactored', 'Instrumented', 'Prototyped', 'Hardened', 'Consolidated', 'Launched']
const THING = ['the billing pipeline', 'a claims-processing service', 'the mobile checkout flow', 'our internal feature-flag system', 'a warehouse routing API', 'the customer analytics dashboard', 'an ETL job for partner data', 'the on-call runbook tooling', 'a GraphQL gateway', 'the search indexer', 'a fraud-scoring microservice', 'the CI/CD pipelines', 'a patient-scheduling app', 'the legacy monolith', 'a Kafka event bus', 'an LLM-based support triage tool', 'the payments reconciliation job', 'a design-system component library', 'the image-processing workers', 'a Terraform module catalogue', 'an NFT marketplace contract suite', 'a DeFi lending protocol', 'a cross-chain bridge relayer', 'the loyalty-points ledger', 'a telematics ingestion service', 'the K-12 gradebook backend', 'a real-time bidding engine', 'the identity and SSO layer']
const HOW = ['in Go', 'with TypeScript and React', 'on AWS Lambda', 'on Kubernetes', 'in Python', 'with Postgres and Redis', 'in Java/Spring', 'in Rust', 'using Kafka Streams', 'with Next.js', 'in Kotlin', 'in Solidity', 'on GCP', 'with dbt and Airflow', 'in Elixir', 'in C#/.NET']
const RESULT = () => R.pick([`cutting p95 latency by ${R.int(15, 70)}%`, `saving about $${R.int(20, 400)}k a year`, `serving ${R.int(2, 90)}M requests a day`, `for ${R.int(3, 40)} internal teams`, `with no customer-visible downtime`, `reducing incidents by ${R.int(20, 80)}%`, `used by ${R.int(10, 900)}k customers`, `in ${R.int(3, 14)} weeks`, `raising test coverage from ${R.int(20, 50)}% to ${R.int(70, 95)}%`, `onboarding ${R.int(2, 12)} new engineers`, `processing ${R.int(1, 60)} TB a month`, `handling $${R.int(5, 400)}M in volume`])
// first public release year of what a bullet names: honest resumes only name what existed by the job's end
const SINCE = { 'an LLM-based support triage tool': 2023, 'an NFT marketplace contract suite': 2018, 'a DeFi lending protocol': 2019, 'a cross-chain bridge relayer': 2020, 'a GraphQL gateway': 2016, 'a Terraform module catalogue': 2015, 'a Kafka event bus': 2012, 'on AWS Lambda': 2015, 'on Kubernetes': 2015, 'in Rust': 2015, 'using Kafka Streams': 2016, 'with Next.js': 2017, 'in Kotlin': 2016, 'in Solidity': 2016, 'with dbt and Airflow': 2017, 'in Elixir': 2013, 'with TypeScript and React': 2014, 'in Go': 2012, 'on GCP': 2012 }
const ANACHRONISM = [['Next.js', 2016], ['Kubernetes', 2014], ['Rust', 2015], ['Solidity', 2015], ['Hardhat', 2020], ['React', 2013], ['Flutter', 2018], ['Kotlin', 2016], ['GraphQL', 2015], ['Terraform', 2014]]
function bullet(endYear = 2026, allowAnachronism = false) {
  const ok = x => allowAnachronism || (SINCE[x] || 0) <= endYear
  return `${R.pick(VERB)} ${R.pick(THING.filter(ok))} ${R.pick(HOW.filter(ok))}, ${RESULT()}.`
}
const SCHOOLS_US = ['Rutgers University', 'University of Texas at Austin', 'Georgia Institute of Technology', 'Ohio State University', 'University of Washington', 'Arizona State University', 'Purdue University', 'University of Illinois Urbana-Champaign', 'San Jose State University', 'Penn State', 'University of Minnesota', 'Northeastern University', 'Florida International University', 'University of Colorado Boulder', 'NC State University']
const SCHOOLS_INTL = { KR: ['Seoul National University', 'KAIST', 'Yonsei University', 'Korea University', 'Hanyang University'], CN: ['Zhejiang University', 'Tsinghua University', 'Sun Yat-sen University'], VN: ['Hanoi University of Science and Technology', 'Vietnam National University'], IN: ['Anna University', 'IIT Bombay', 'VIT Vellore', 'Pune University'], NG: ['University of Lagos', 'Covenant University'], UA: ['Kyiv Polytechnic Institute', 'Lviv Polytechnic'], MX: ['UNAM', 'Tecnológico de Monterrey'], ES: ['Universidad Politécnica de Madrid'], CO: ['Universidad de los Andes'], AR: ['Universidad de Buenos Aires'], BR: ['Universidade de São Paulo'], GB: ['University of Manchester'], DE: ['TU München'], PL: ['Warsaw University of Technology'], JP: ['University of Tokyo'], TW: ['National Taiwan University'], CA: ['University of Waterloo'], AE: ['American University of Sharjah'], JO: ['University of Jordan'], EG: ['Cairo University'] }
const DEGREE = [['BS', 'Computer Science'], ['BSc', 'Software Engineering'], ['BE', 'Computer Engineering'], ['MS', 'Computer Science'], ['BA', 'Mathematics'], ['BS', 'Information Systems'], ['BEng', 'Electrical Engineering'], ['MSc', 'Data Science']]

function ym(y, m) { return `${y}-${String(m).padStart(2, '0')}` }
function workHistory(n, endYear) {
  const jobs = []
  let y = endYear, m = R.int(1, 12)
  for (let i = 0; i < n; i++) {
    const len = R.int(14, 50)
    const endY = y, endM = m
    let sy = y, sm = m - len
    while (sm < 1) { sm += 12; sy-- }
    const name = R.chance(0.25) ? R.pick(REAL_CO) : coName()
    jobs.push({ name, position: R.pick(['Software Engineer', 'Senior Software Engineer', 'Backend Developer', 'Full Stack Engineer', 'DevOps Engineer', 'Data Engineer', 'Mobile Engineer', 'Tech Lead', 'Frontend Developer', 'Blockchain Developer', 'Engineer II', 'Platform Engineer']), startDate: ym(sy, sm), endDate: i === 0 ? undefined : ym(endY, endM), highlights: Array.from({ length: R.int(2, 4) }, () => bullet(i === 0 ? 2026 : endY)) })
    y = sy; m = sm - R.int(0, 3); while (m < 1) { m += 12; y-- }
  }
  return jobs
}
const DATE_STYLE = [d => d, d => { const [y, m] = d.split('-'); return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][+m - 1]} ${y}` }, d => { const [y, m] = d.split('-'); return `${m}/${y}` }]
function resumeText(p) {
  const ds = R.pick(DATE_STYLE)
  const lines = [p.resumeName, `${p.role} | ${p.resumeEmail} | ${p.phoneShown} | ${p.locationText}`]
  if (p.github) lines.push(`https://github.com/${p.github}`)
  if (p.portfolio) lines.push(`Portfolio: ${p.portfolio}`)
  lines.push('', 'SUMMARY', p.summary, '', 'EXPERIENCE')
  for (const j of p.work) {
    lines.push(R.chance(0.5) ? `${j.position}, ${j.name} (${ds(j.startDate)} to ${j.endDate ? ds(j.endDate) : 'present'})` : `${j.name} — ${j.position} | ${ds(j.startDate)} – ${j.endDate ? ds(j.endDate) : 'Present'}`)
    for (const h of j.highlights) lines.push(`- ${h}`)
  }
  lines.push('', 'EDUCATION')
  for (const e of p.education) lines.push(`${e.studyType} ${e.area}, ${e.institution} (${e.startDate} to ${e.endDate})`)
  lines.push('', 'SKILLS', p.skills.join(', '))
  return lines.join('\n') + '\n'
}
function summary() {
  return `${R.pick(['Engineer with', 'Developer with', 'Software engineer with', 'Hands-on engineer,'])} ${R.int(3, 15)} years ${R.pick(['building', 'shipping', 'running', 'designing'])} ${R.pick(['backend services', 'web products', 'data platforms', 'mobile apps', 'cloud infrastructure', 'payment systems', 'developer tooling', 'smart contracts'])} ${R.pick(['for startups and mid-size companies', 'in regulated industries', 'at scale', 'for e-commerce and logistics', 'for health-care clients', 'across remote teams'])}. ${R.pick(['I care about tests and calm on-call rotations.', 'Comfortable owning features end to end.', 'Enjoy mentoring and code review.', 'Prefer small, reversible changes.', 'Strong written communication across time zones.', ''])}`.trim()
}

// ---------------------------------------------------------------- photos (tiny PNGs)
const crcTable = (() => { const t = new Int32Array(256); for (let n = 0; n < 256; n++) { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; t[n] = c } return t })()
function crc32(buf) { let c = -1; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ -1) >>> 0 }
function chunk(type, data) { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td)); return Buffer.concat([len, td, crc]) }
function photoPixels(seed) {
  // a synthetic "portrait": random background field (a few random sinusoids and blobs), a face-like
  // ellipse at a random place and size, hair and shirt. Different seeds give unrelated images, so
  // perceptual hashes of honest applicants' photos do not collide by construction.
  const r = mulberry32(seed), W = 64, H = 64
  const col = () => [r() * 255, r() * 255, r() * 255]
  const bgA = col(), bgB = col(), skin = [120 + r() * 130, 80 + r() * 120, 50 + r() * 120], hair = col().map(v => v * 0.5), shirt = col()
  const waves = Array.from({ length: 4 }, () => ({ fx: (r() - 0.5) * 0.6, fy: (r() - 0.5) * 0.6, ph: r() * 6.28, amp: 80 + r() * 120 }))
  const rects = Array.from({ length: 2 + Math.floor(r() * 4) }, () => ({ x0: r() * W, y0: r() * H, w: 6 + r() * 30, h: 6 + r() * 30, c: r() < 0.5 ? [r() * 60, r() * 60, r() * 60] : [195 + r() * 60, 195 + r() * 60, 195 + r() * 60] }))
  const blobs = Array.from({ length: 3 + Math.floor(r() * 6) }, () => ({ x: r() * W, y: r() * H, rad: 4 + r() * 18, c: col() }))
  const cx = 16 + r() * 32, cy = 18 + r() * 22, rx = 8 + r() * 10, ry = 10 + r() * 10, hairH = r() * 10, shirtTop = cy + ry + 2 + r() * 6
  const px = Buffer.alloc(W * H * 3)
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const t = Math.max(0, Math.min(1, 0.5 + waves.reduce((a, w) => a + Math.sin(x * w.fx + y * w.fy + w.ph) * w.amp, 0) / 300))
    let c = bgA.map((v, i) => v * t + bgB[i] * (1 - t))
    for (const q of rects) if (x >= q.x0 && x < q.x0 + q.w && y >= q.y0 && y < q.y0 + q.h) c = q.c
    for (const bl of blobs) if ((x - bl.x) ** 2 + (y - bl.y) ** 2 < bl.rad ** 2) c = bl.c
    if (y > shirtTop && Math.abs(x - cx) < rx * 1.8 + (y - shirtTop) * 0.6) c = shirt
    const dx = (x - cx) / rx, dy = (y - cy) / ry
    if (dx * dx + dy * dy < 1) c = y < cy - ry + hairH ? hair : skin
    if (dx * dx + dy * dy < 1 && Math.abs(y - (cy - ry * 0.15)) < 1.2 && (Math.abs(x - cx + rx * 0.4) < 1.4 || Math.abs(x - cx - rx * 0.4) < 1.4)) c = [25, 25, 25]
    const o = (y * W + x) * 3
    px[o] = Math.max(0, Math.min(255, c[0])); px[o + 1] = Math.max(0, Math.min(255, c[1])); px[o + 2] = Math.max(0, Math.min(255, c[2]))
  }
  return { W, H, px }
}
function pngOf({ W, H, px }, variant) {
  const rows = Buffer.alloc(H * (W * 3 + 1))
  for (let y = 0; y < H; y++) { rows[y * (W * 3 + 1)] = 0; px.copy(rows, y * (W * 3 + 1) + 1, y * W * 3, (y + 1) * W * 3) }
  if (variant === 'bright') for (let i = 0; i < rows.length; i++) if (i % (W * 3 + 1)) rows[i] = Math.min(255, rows[i] + 3)
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(W, 0); ihdr.writeUInt32BE(H, 4); ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0
  const level = variant === 'recompress' ? 1 : 9
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows, { level })), chunk('IEND', Buffer.alloc(0))])
}

// ---------------------------------------------------------------- public identifiers (real SDN data, written realistically)
const SDN = {
  lazarusEth: ['0x098B716B8Aaf21512996dC57EB0615e2383E2f96', '0xa0e1c89Ef1a489c9C7dE96311eD5Ce5D32c20E4B', '0x53b6936513e738f44FB50d2b9476730C0Ab3Bfc1', '0x35fB6f6DB4fb05e6A4cE86f2C93691425626d4b1'],
  kimSangManEth: '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40',
  kimSangManXbt: ['1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ', '1FCNgfZWpYMeYhy9t18AAkTBu8AsdoAc1Z'],
  simHyonSopEth: '0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c',
  trx: ['TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre', 'TFdTr9C3BqQrzKBXqSxJfAZFTh8UwBAfSg', 'TMStbg5fgb4uTV7fK1gEYF9hKAzP3siPsG'],
  gmail: ['donghyunkim1010@gmail.com', 'teriparl25@gmail.com', 'kennedypamla@gmail.com', 'marksigal1001@gmail.com', 'pkurui9999@gmail.com', 'sm.carls0000@gmail.com'],
  otherMail: ['seanchung.hanvoice@hotmail.com', 'haris2022100@outlook.com', 'yoon.dasl@yahoo.com'],
  sites: ['sovershopp.online', 'somelmark.store', 'cdredos.site', 'bookstarrtion.online', 'onerearth.xyz', 'scemsal.site'],
  companies: [
    ['YANBIAN SILVERSTAR NETWORK TECHNOLOGY CO., LTD.', ['Yanbian Silverstar Network Technology Co Ltd', 'Yanbian Silver Star Network Tech', 'Yanbian Silverstar Network Technology Company Limited', 'YANBIAN SILVERSTAR NETWORK TECH. CO.,LTD', 'Silverstar Network Technology (Yanbian)']],
    ['VOLASYS SILVER STAR', ['Volasys Silverstar', 'Volasys Silver Star LLC', 'VOLASYS SILVER-STAR', 'Volasys Silver Star Ltd.']],
    ['CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY', ['Chinyong IT Cooperation Co.', 'Chinyong Information Technology Cooperation Co', 'Jinyong IT Cooperation Company', 'CHINYONG INFORMATION TECHNOLOGY CO-OPERATION CO']],
    ['LIMITED LIABILITY COMPANY ALIS', ['ALIS LLC', 'Alis, LLC', 'OOO Alis', 'LLC "ALIS"']],
    ['PIONEER BENCONT STAR REAL ESTATE', ['Pioneer Bencont Star', 'Pioneer Bencont-Star Real Estate LLC']],
  ],
  persons: [
    { list: 'KIM, Sang Man', dob: [1965, 4, 25], forms: ['Kim Sang Man', 'KIM SANGMAN', 'Gim Sangman', '김상만', 'Sang-man Kim', 'Kim Sang-man'] },
    { list: 'JON, Yun Gun', dob: [1973, 4, 22], forms: ['Jon Yun Gun', 'Chon Yun-gun', 'Jeon Yun Geun', 'JEON YUNGEUN', '전윤근'] },
    { list: 'SIM, Hyon Sop', dob: [1983, 11, 25], forms: ['Sim Hyon Sop', 'Shim Hyun-seop', 'Sim Hyeon-seop', 'SHIM HYUNSEOP', '심현섭'] },
  ],
}
function gmailVariant(addr) {
  const [local, dom] = addr.split('@')
  const v = R.int(0, 4)
  if (v === 0 && local.length > 6) { const i = R.int(2, local.length - 3); return `${local.slice(0, i)}.${local.slice(i)}@${dom}` }
  if (v === 1) return `${local}+${R.pick(['jobs', 'work', 'dev', 'upwork'])}@${dom}`
  if (v === 2) return `${local.charAt(0).toUpperCase()}${local.slice(1)}@${dom.toUpperCase()}`
  if (v === 3) return `${local}@googlemail.com`
  return addr
}
function walletForms(addr, kind) {
  if (kind === 'eth') return R.pick([addr, addr.toLowerCase(), `ethereum:${addr}`, `ethereum:${addr}@1`, `ethereum:${addr.toLowerCase()}?value=0`, `0x${addr.slice(2).toUpperCase()}`, ` ${addr} `])
  if (kind === 'usdt-erc20') return R.pick([`ethereum:0xdAC17F958D2ee523a2206206994597C13D831ec7/transfer?address=${addr}`, addr, `ethereum:0xdac17f958d2ee523a2206206994597c13d831ec7@1/transfer?address=${addr}`])
  if (kind === 'xbt') return R.pick([addr, `bitcoin:${addr}`, `bitcoin:${addr}?amount=0.05&label=invoice`, `BITCOIN:${addr}`])
  return addr
}
function dobForms([y, m, d]) {
  const mm = String(m).padStart(2, '0'), dd = String(d).padStart(2, '0')
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]
  return R.pick([`${y}-${mm}-${dd}`, `${mm}/${dd}/${y}`, `${dd}/${mm}/${y}`, `${d} ${mon} ${y}`, `${dd}.${mm}.${y}`, `${mon} ${d}, ${y}`])
}

// ---------------------------------------------------------------- shared infrastructure (facilitators, forwarders, agencies)
const FORWARDERS = [
  { name: 'a Miami reshipping service ("casillero")', addr: { line1: '8400 NW 25th St', city: 'Doral', region: 'FL', postal_code: '33198', country: 'US' }, suite: () => `Ste ${R.int(100, 999)}-${R.digits(5)}` },
  { name: 'a Portland, OR freight forwarder', addr: { line1: '10260 SW Greenburg Rd', city: 'Portland', region: 'OR', postal_code: '97223', country: 'US' }, suite: () => `#${R.digits(6)}` },
  { name: 'a Delaware tax-free forwarder', addr: { line1: '700 Cornell Dr', city: 'Wilmington', region: 'DE', postal_code: '19801', country: 'US' }, suite: () => `Unit ${R.pick(['A', 'B', 'C'])}${R.digits(5)}` },
  { name: 'a Laredo cross-border forwarder', addr: { line1: '5219 McPherson Rd', city: 'Laredo', region: 'TX', postal_code: '78041', country: 'US' }, suite: () => `Box ${R.digits(4)}` },
]
const AGENCIES = Array.from({ length: 4 }, (_, i) => {
  const loc = R.pick(US)
  const name = `${R.pick(['Apex', 'TalentBridge', 'Nearshore', 'CodeHire', 'BlueRiver', 'Staffwise'])} ${R.pick(['Staffing', 'Talent Partners', 'Consulting Group', 'IT Solutions'])} ${R.pick(['LLC', 'Inc.'])}`
  return { id: `agency${i + 1}`, name, domain: `${slug(name.replace(/(LLC|Inc\.)/, ''))}.com`, loc, office: { line1: `${R.int(100, 2999)} ${R.pick(STREETS)}`, line2: `Suite ${R.int(100, 900)}`, city: loc.city, region: loc.region, postal_code: `${loc.zip}${R.digits(2)}`, country: 'US' }, phone: usPhone(loc), ip: resIp('US'), bankLast4: R.digits(4) }
})
const COWORK = { line1: '1 World Trade Center', line2: '85th Floor', city: 'New York', region: 'NY', postal_code: '10007', country: 'US' }

// ---------------------------------------------------------------- sign-in logs
const UA_BROWSERS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36 Edg/129.0.0.0']
const UA_MOBILE = ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36']
const UA_REMOTE = ['AnyDesk/8.0.14', 'TeamViewer/15.58.4', 'Chrome Remote Desktop/128.0.6613.29', 'RustDesk/1.3.1']

// events: [{t: Date, ip, ua, event, account}]
function sessionEvents({ tz, days, start, hours, ipFn, account, ua, perDay = [1, 3], remote = 0, extra }) {
  const ev = []
  for (let d = 0; d < days; d++) {
    const day = addDays(start, d)
    const n = R.int(perDay[0], perDay[1])
    for (let k = 0; k < n; k++) {
      const h = hours[0] + R.f() * (hours[1] - hours[0])
      const parts = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(day).split('-').map(Number)
      const t = localToUtc(tz, parts[0], parts[1] - 1, parts[2], Math.floor(h) % 24, Math.floor((h % 1) * 60), R.int(0, 59))
      const tt = h >= 24 ? addDays(t, 1) : t
      ev.push({ t: tt, ip: ipFn(), ua: ua(), event: 'login', account })
      if (remote && R.chance(remote)) ev.push({ t: new Date(tt.getTime() + R.int(2, 40) * 60000), ip: ipFn(), ua: R.pick(UA_REMOTE), event: 'remote_session', account })
    }
  }
  if (extra) ev.push(...extra)
  return ev.sort((a, b) => a.t - b.t)
}
const csvCell = v => (/[",\n]/.test(v) ? `"${String(v).replace(/"/g, '""')}"` : String(v))
const COUNTRY_OF_PREFIX = (() => { const m = new Map(); for (const [cc, list] of Object.entries(RES_IP)) for (const p of list) m.set(p, cc); return m })()
function countryOfIp(ip) {
  const p2 = ip.split('.').slice(0, 2).join('.'), p3 = ip.split('.').slice(0, 3).join('.')
  if (COUNTRY_OF_PREFIX.has(p2)) return COUNTRY_OF_PREFIX.get(p2)
  const dcCountry = { '159.89': 'DE', '167.99': 'US', '138.68': 'US', '45.76': 'JP', '95.216': 'FI', '65.108': 'FI', '51.75': 'FR', '20.51': 'US', '34.83': 'US', '3.90': 'US', '13.56': 'US', '89.187': 'SG', '156.146': 'HK', '138.199': 'US', '193.32': 'NL', '103.216': 'HK', '43.224': 'HK', '185.236': 'NL', '45.134': 'JP', '154.47': 'US' }
  return dcCountry[p2] || dcCountry[p3] || ''
}
function logCsv(events, style, displayName) {
  if (style === 'okta') {
    const head = 'uuid,published,eventType,displayMessage,actor.alternateId,actor.displayName,client.ipAddress,client.userAgent.rawUserAgent,client.geographicalContext.country,outcome.result'
    return [head, ...events.map(e => [`${R.hex(8)}-${R.hex(4)}-11ef-${R.hex(4)}-${R.hex(12)}`, e.t.toISOString(), e.event === 'login' ? 'user.session.start' : 'user.authentication.sso', e.event === 'login' ? 'User login to Okta' : `User single sign on to app (${e.ua.split('/')[0]})`, e.account, displayName, e.ip, e.ua, countryOfIp(e.ip), 'SUCCESS'].map(csvCell).join(','))].join('\n') + '\n'
  }
  return ['timestamp,account,ip,user_agent,event', ...events.map(e => [iso(e.t), e.account, e.ip, e.ua, e.event].map(csvCell).join(','))].join('\n') + '\n'
}

const BANKS = { KR: ['Shinhan Bank', 'KB Kookmin Bank', 'Woori Bank', 'Kakao Bank'], VN: ['Vietcombank', 'Techcombank', 'VPBank'], CN: ['ICBC', 'China Merchants Bank', 'Bank of China'], TW: ['CTBC Bank', 'Cathay United Bank'], JP: ['MUFG Bank', 'SMBC', 'Rakuten Bank'], UA: ['PrivatBank', 'Monobank'], PL: ['mBank', 'PKO Bank Polski'], ES: ['BBVA', 'Santander', 'CaixaBank'], MX: ['BBVA México', 'Banorte'], CO: ['Bancolombia', 'Davivienda'], AR: ['Banco Galicia', 'Banco Nación'], BR: ['Nubank', 'Itaú', 'Santander Brasil'], NG: ['GTBank', 'Access Bank', 'Zenith Bank'], IN: ['HDFC Bank', 'ICICI Bank', 'State Bank of India'], GB: ['Barclays', 'Monzo', 'HSBC UK'], DE: ['Deutsche Bank', 'N26', 'Sparkasse'], CA: ['TD Canada Trust', 'RBC'], AE: ['Emirates NBD', 'ADCB'], JO: ['Arab Bank', 'Housing Bank'], EG: ['CIB Egypt', 'Banque Misr'] }

// ---------------------------------------------------------------- the applicant builder
const SOURCES_CAND = ['greenhouse', 'lever', 'workday', 'ashby', 'linkedin', 'referral', 'careers-site']
const SOURCES_CONTR = ['upwork', 'toptal', 'contra', 'freelancer', 'direct-contract']
const OBS_GOOD = ['Camera on throughout; matched ID photo', 'Camera on, held ID next to face when asked', 'Relaxed small talk about their neighbourhood', 'Answered follow-ups on past projects in detail', 'Waved hand in front of face on request, no artefacts', 'Screen-shared a live coding task without issues']
const NOTES_GOOD = ['Strong system-design round.', 'Good communicator; clear about trade-offs.', 'Solid fundamentals, a little rusty on SQL.', 'Would be a good fit for the platform team.', 'Asked thoughtful questions about on-call.', '']
const WEBMAIL = ['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com', 'proton.me', 'icloud.com']

let seq = 0
const idPrefix = { greenhouse: 'GH', lever: 'LV', workday: 'WD', ashby: 'AS', linkedin: 'LI', referral: 'REF', 'careers-site': 'CS', upwork: 'UW', toptal: 'TT', contra: 'CT', freelancer: 'FL', 'direct-contract': 'DC', 'staffing-agency': 'SA' }
function newId(source) { seq++; return `${idPrefix[source] || 'X'}-${String(40000 + seq * 7 + R.int(0, 6)).padStart(5, '0')}` }

const usedEmails = new Set()
function uniqueEmail(e) {
  let [local, dom] = e.split('@'); let cand = e; let k = 0
  while (usedEmails.has(cand.toLowerCase().replace(/\./g, ''))) { k++; cand = withRng(SUFFIX_RNG, () => `${local}${R.int(2, 99)}${k > 3 ? R.int(0, 9) : ''}@${dom}`) }
  usedEmails.add(cand.toLowerCase().replace(/\./g, ''))
  return cand
}
const usedHandles = new Set()
function uniqueHandle(h) { let c = h; while (usedHandles.has(c.toLowerCase())) c = withRng(SUFFIX_RNG, () => `${h}${R.int(2, 999)}`); usedHandles.add(c.toLowerCase()); return c }
function emailFor(n, provider, style) {
  // styles overlap on purpose: some honest people use handle-like mailboxes, some personas plain ones
  let st = style
  if (style === 'persona' && R.chance(0.4)) { st = undefined; provider = provider || R.pick(['gmail.com', 'outlook.com', 'yahoo.com']) } else if (!style && R.chance(0.1)) st = 'persona'
  return uniqueEmail(emailFor0(n, provider, st))
}
function emailFor0(n, provider, style) {
  const f = slug(n.first), l = slug(n.last)
  const local = R.pick([`${f}.${l}`, `${f}${l}`, `${f.charAt(0)}${l}`, `${f}_${l}`, `${f}.${l}${R.int(1, 99)}`, `${l}${f.charAt(0)}`, `${f}${l}${R.int(70, 99)}`]) || withRng(SUFFIX_RNG, () => `user${R.digits(4)}`)
  if (style === 'persona') return `${R.pick([`${f}${l}${R.int(1000, 9999)}`, `${f}.${l}.dev`, `${f}${l}.dev${R.int(1, 99)}`, `${f}.${l}${R.int(100, 999)}`, `${l}.${f}.work`])}@${provider || R.pick(['gmail.com', 'outlook.com', 'gmail.com', 'proton.me'])}`
  return `${local}@${provider}`
}
function personalProvider(cc, own) {
  if (own && R.chance(0.15)) return `${slug(own.last)}${R.pick(['.dev', '.io', '.me', '.net'])}`
  const local = { KR: ['naver.com', 'daum.net', 'gmail.com'], CN: ['qq.com', '163.com', 'gmail.com'], VN: ['gmail.com', 'yahoo.com.vn'], UA: ['ukr.net', 'gmail.com'], IN: ['gmail.com', 'yahoo.co.in', 'rediffmail.com'], NG: ['gmail.com', 'yahoo.com'], GB: ['gmail.com', 'btinternet.com'], DE: ['gmx.de', 'web.de', 'gmail.com'], JP: ['gmail.com', 'yahoo.co.jp'] }[cc]
  return local && R.chance(0.6) ? R.pick(local) : R.pick(['gmail.com', 'gmail.com', 'gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me', 'fastmail.com', 'hotmail.com'])
}

// base: a plausible honest applicant; archetype functions then modify it
function baseApplicant({ name, kind, residence, source, submitted }) {
  const abroad = residence !== 'US'
  const loc = abroad ? null : R.pick(US)
  const tz = abroad ? ABROAD[residence].tz : loc.tz
  const phone = abroad ? ABROAD[residence].phone() : usPhone(loc)
  const addr = abroad ? abroadAddress(residence) : usAddress(loc)
  const email = emailFor(name, personalProvider(residence, name))
  const role = R.pick(ROLES)
  const years = R.int(2, 14)
  const work = workHistory(R.int(1, 4), 2026)
  const schoolCC = abroad ? residence : (R.chance(0.18) ? R.pick(Object.keys(SCHOOLS_INTL)) : 'US')
  const gradY = 2026 - years - R.int(0, 2)
  const education = [{ institution: schoolCC === 'US' ? R.pick(SCHOOLS_US) : R.pick(SCHOOLS_INTL[schoolCC]), studyType: R.pick(DEGREE)[0], area: R.pick(DEGREE)[1], startDate: ym(gradY - 4, 9), endDate: ym(gradY, R.pick([5, 6, 12])) }]
  const skills = R.sample(SKILLS, R.int(4, 9))
  const gh = uniqueHandle(`${slug(name.first)}${R.pick(['', '-', ''])}${slug(name.last).slice(0, R.int(3, 8))}${R.chance(0.3) ? R.int(1, 99) : ''}`)
  const ghCreated = `${R.int(2010, 2023)}-${String(R.int(1, 12)).padStart(2, '0')}-${String(R.int(1, 28)).padStart(2, '0')}`
  const ua = R.pick(UA_BROWSERS)
  const homeIp = resIp(residence)
  const app = {
    format: 'vetting/application@1',
    external_id: newId(source),
    source,
    kind,
    role,
    submitted_at: iso(submitted),
    person: { full_name: name.form, email, phone: phoneStyle(phone), phone_line_type: R.chance(0.85) ? 'mobile' : R.pick(['landline', 'unknown']), address: addr, timezone: tz },
    profiles: [],
    submission: { ip: homeIp, user_agent: ua },
    references: [],
    interview: kind === 'contractor' && R.chance(0.2) ? { video: 'not_held', observations: [] } : { video: 'completed', observations: R.chance(0.6) ? [R.pick(OBS_GOOD)] : [] },
    logistics: { shipping_address: { ...addr } },
    payment: { method: abroad ? R.pick(['bank', 'wise', 'payoneer', 'bank']) : 'bank', account_holder: name.form, bank_country: residence, currency: abroad ? ABROAD[residence].cur : 'USD' },
  }
  if (R.chance(0.3)) app.person.citizenship = abroad ? residence : R.pick(['US', 'US', 'US', 'CA', 'IN', 'KR', 'MX', 'GB'])
  if (R.chance(0.25)) app.person.date_of_birth = dobForms([R.int(1968, 2002), R.int(1, 12), R.int(1, 28)])
  if (kind === 'contractor' && (app.payment.method === 'payoneer' || app.payment.method === 'wise' || R.chance(0.2))) { app.payment.account_email = email }
  if (app.payment.method === 'bank') { app.payment.bank_name = abroad ? R.pick(BANKS[residence] || ['HSBC']) : R.pick(['Chase', 'Bank of America', 'Wells Fargo', 'Citibank', 'US Bank', 'PNC', 'Capital One', 'Ally Bank', 'Navy Federal CU', 'Chime', 'TD Bank', 'Truist']); app.payment.account_last4 = R.digits(4) }
  if (app.payment.method === 'wise' || app.payment.method === 'payoneer') app.payment.account_email = email
  if (!abroad && app.payment.method === 'bank' && R.chance(0.3)) app.payment.routing_number = R.pick(['021000021', '026009593', '121000248', '322271627', '111000614', '071000013'])
  if (abroad && ['ES', 'DE', 'PL', 'GB', 'UA'].includes(residence) && app.payment.method === 'bank' && R.chance(0.6)) app.payment.iban = `${residence === 'GB' ? 'GB' : residence}${R.digits(2)} ${R.digits(4)} ${R.digits(4)} ${R.digits(4)} ${R.digits(4)} ${R.digits(2)}`
  // profiles
  if (R.chance(0.75)) app.profiles.push({ network: 'github', username: gh, url: `https://github.com/${gh}`, created_at: ghCreated, public_repos: R.int(4, 90), followers: R.int(0, 300), contributions_last_year: R.int(20, 1500) })
  if (R.chance(0.8)) app.profiles.push({ network: 'linkedin', url: `https://www.linkedin.com/in/${slug(name.first)}-${slug(name.last)}-${R.hex(4)}`, connections: R.int(60, 500), created_at: `${R.int(2008, 2022)}-${String(R.int(1, 12)).padStart(2, '0')}-01` })
  if (kind === 'contractor') {
    const net = source === 'upwork' ? 'upwork' : source === 'toptal' ? 'toptal' : R.pick(['upwork', 'contra', 'freelancer'])
    const created = `${R.int(2014, 2024)}-${String(R.int(1, 12)).padStart(2, '0')}-${String(R.int(1, 28)).padStart(2, '0')}`
    const jobs = R.int(3, 120)
    app.profiles.push({ network: net, username: `${slug(name.first)}_${slug(name.last).slice(0, 4)}${R.int(1, 99)}`, url: `https://www.${net}.com/freelancers/~01${R.hex(16)}`, created_at: created, rating: Math.round((4.3 + R.f() * 0.7) * 10) / 10, reviews: Math.max(1, jobs - R.int(0, 5)), jobs_completed: jobs, earnings_usd: jobs * R.int(600, 4000), hourly_rate_usd: R.int(35, 140), country: residence, identity_verified: R.chance(0.85) })
  }
  // references: mostly reachable at the employer's domain; freelancers' clients often use webmail
  const nref = R.int(0, 2)
  for (let i = 0; i < nref; i++) {
    const job = work[Math.min(i, work.length - 1)]
    const rn = makeName(BENIGN_MIX)
    const webmail = kind === 'contractor' ? R.chance(0.3) : R.chance(0.08)
    app.references.push({ name: latinOf(rn), company: job.name, relationship: R.pick(['manager', 'manager', 'colleague', 'client', 'team lead']), email: uniqueEmail(webmail ? `${slug(rn.first)}.${slug(rn.last)}@${R.pick(WEBMAIL)}` : `${slug(rn.first).charAt(0)}${slug(rn.last)}@${coDomain(job.name)}`), phone: abroad ? ABROAD[residence].phone() : usPhone(R.pick(US)) })
  }
  // resume: inline JSON Resume, a text document, or both
  const resumeName = name.resume
  const p = { resumeName, role, resumeEmail: email, phoneShown: app.person.phone, locationText: `${addr.city}, ${addr.region || addr.country}`, github: app.profiles.find(x => x.network === 'github')?.username, summary: summary(), work, education, skills }
  const mode = R.pick(['json', 'json', 'txt', 'both', 'none'])
  const meta = { name, loc, tz, homeIp, ua, residence, resumeMode: mode, resumeData: p, files: {}, logEvents: null, logStyle: R.chance(0.25) ? 'okta' : 'plain', logAccount: email }
  return { app, meta }
}

function finishResume(app, meta) {
  const p = meta.resumeData
  const mode = meta.resumeMode
  if (mode === 'json' || mode === 'both') {
    app.resume = { basics: { name: p.resumeName, label: p.role, email: p.resumeEmail, phone: p.phoneShown, summary: p.summary, location: { city: app.person.address?.city, region: app.person.address?.region, countryCode: app.person.address?.country }, ...(p.github ? { profiles: [{ network: 'GitHub', username: p.github, url: `https://github.com/${p.github}` }] } : {}), ...(p.portfolio ? { url: p.portfolio } : {}) }, work: p.work.map(j => ({ name: j.name, position: j.position, startDate: j.startDate, ...(j.endDate ? { endDate: j.endDate } : {}), highlights: j.highlights })), education: p.education, skills: [{ name: 'Skills', keywords: p.skills }] }
  }
  if (mode === 'txt' || mode === 'both') {
    const file = `${app.external_id}.resume.txt`
    meta.files[file] = resumeText(p)
    app.documents = [{ type: 'resume', file }]
  }
}

function addLog(app, meta, events) {
  if (!events || !events.length) return
  if (R.chance(0.06)) { const acct = `${slug(meta.name.first)}.${slug(meta.name.last)}@${R.pick(['northwind-labs.com', 'contoso-eng.io', 'acme-client.com'])}`; for (const e of events) e.account = acct }
  const file = `${app.external_id}.access.csv`
  meta.files[file] = logCsv(events, meta.logStyle, latinOf(meta.name))
  app.access_log = file
}
function normalLog(app, meta, opts = {}) {
  const start = addDays(new Date(app.submitted_at), R.int(10, 30))
  const home = meta.homeIp
  const mobile = resIp(meta.residence)
  return sessionEvents({ tz: meta.tz, days: R.int(5, 12), start, hours: opts.hours || [7.5, 19], ipFn: () => (R.chance(0.85) ? home : mobile), account: meta.logAccount, ua: () => (R.chance(0.9) ? meta.ua : R.pick(UA_MOBILE)), perDay: [1, 3] })
}

// ---------------------------------------------------------------- population plan
const PATTERN_N = Math.round(SIZE * 0.12)
const BENIGN_N = SIZE - PATTERN_N
const out = [] // {app, meta, label}
function submittedAt() { return new Date(Date.UTC(2026, R.int(5, 9), R.int(1, 28), R.int(0, 23), R.int(0, 59), R.int(0, 59))) }
function usResidentSubmitted(tz) { // submit during plausible local hours
  const d = submittedAt(); const day = new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(d).split('-').map(Number)
  return localToUtc(tz, day[0], day[1] - 1, day[2], R.int(8, 22), R.int(0, 59), R.int(0, 59))
}
function make(opts) {
  const kind = opts.kind || (R.chance(0.4) ? 'contractor' : 'candidate')
  const source = opts.source || (kind === 'contractor' ? R.pick(SOURCES_CONTR) : R.pick(SOURCES_CAND))
  const residence = opts.residence || 'US'
  const name = opts.name || makeName(opts.mix || BENIGN_MIX, opts.origin)
  const tz = residence === 'US' ? null : ABROAD[residence].tz
  const b = baseApplicant({ name, kind, residence, source, submitted: submittedAt() })
  b.app.submitted_at = iso(usResidentSubmitted(b.meta.tz || tz))
  return b
}
function push(b, label, archetype, ring = '') {
  out.push({ ...b, label: { id: b.app.external_id, label, archetype, ring, nameOrigin: b.meta.name.shownOrigin || b.meta.name.origin, residence: b.meta.residence } })
}

// ---------- benign archetypes
const benignPlan = [
  ['abroad-declared', 160], ['moved-house', 60], ['own-llc-payee', 60], ['agency-declared', 80], ['google-voice', 60], ['night-shift', 40], ['travelling-vpn', 40], ['name-written-differently', 120], ['forwarder-customer', 40], ['common-name', 60], ['lookalike-two-signals', 100], ['sdn-namesake', 12], ['thin-presence-newcomer', 50], ['shared-household', 6], ['recent-new-email', 20], ['declared-trip-abroad', 20], ['wrong-log-attached', 10],
]
const planned = benignPlan.reduce((a, [, n]) => a + n, 0)
benignPlan.unshift(['honest-local', Math.max(0, BENIGN_N - planned)])
const ABROAD_FOR_ORIGIN = { korean: ['KR', 'KR', 'JP', 'CA'], chinese: ['CN', 'TW', 'CA', 'GB'], vietnamese: ['VN', 'VN', 'JP'], slavic: ['UA', 'PL', 'DE'], hispanic: ['MX', 'CO', 'AR', 'ES'], indian: ['IN', 'IN', 'AE', 'GB'], nigerian: ['NG', 'NG', 'GB'], arabic: ['JO', 'EG', 'AE'], japanese: ['JP'], european: ['DE', 'PL', 'ES', 'GB'], anglo: ['GB', 'CA', 'DE', 'MX'], filipino: ['CA', 'AE'] }
const COMMON_NAMES = [['Maria', 'Garcia', 'hispanic'], ['John', 'Smith', 'anglo'], ['Wei', 'Zhang', 'chinese'], ['Ji-hoon', 'Kim', 'korean'], ['Michael', 'Brown', 'anglo'], ['David', 'Lee', 'anglo'], ['Jose', 'Hernandez', 'hispanic'], ['Min-jun', 'Lee', 'korean'], ['Mohammed', 'Khan', 'arabic'], ['Anh', 'Nguyen', 'vietnamese']]

function benign(arch) {
  let b
  switch (arch) {
    case 'honest-local': {
      b = make({})
      if (R.chance(0.3)) addLog(b.app, b.meta, normalLog(b.app, b.meta))
      // ordinary noise: one mild thing now and then
      if (R.chance(0.04)) { b.app.interview.video = R.pick(['camera_off', 'not_held']); b.app.interview.observations = [R.pick(['Camera would not start on their laptop; rejoined from phone with camera on', 'Poor connection, switched camera off halfway', 'Interview held by phone: candidate was travelling'])] }
      if (R.chance(0.05)) b.app.person.phone_line_type = 'voip'
      if (R.chance(0.03)) b.app.interview.notes = R.pick(['Nervous at first; long pauses while thinking, then good answers.', 'Bad connection; video froze a few times.', 'Had a cold, voice hoarse.'])
      if (R.chance(0.05) && b.app.profiles[0]) b.app.profiles[0].created_at = `2026-${String(R.int(1, 5)).padStart(2, '0')}-1${R.int(0, 9)}`
      break
    }
    case 'abroad-declared': {
      const name = makeName(BENIGN_MIX)
      const cc = R.pick(ABROAD_FOR_ORIGIN[name.origin] || ['GB'])
      b = make({ name, residence: cc })
      b.app.role = `${b.app.role} (remote, ${R.pick(['EMEA', 'APAC', 'LATAM', 'worldwide', 'any time zone'])})`
      if (R.chance(0.3)) b.app.interview.notes = `Lives in ${b.app.person.address.city}; role is open to their region. ${R.pick(NOTES_GOOD)}`
      if (R.chance(0.6)) addLog(b.app, b.meta, normalLog(b.app, b.meta))
      break
    }
    case 'moved-house': {
      b = make({})
      const oldA = b.app.person.address
      const newA = usAddress(R.chance(0.5) ? b.meta.loc : R.pick(US))
      b.app.logistics = { shipping_address: newA, note: R.pick([`Moving on ${R.int(1, 28)} ${R.pick(['Oct', 'Nov', 'Dec'])}; please ship to the new place`, 'I have just moved; my licence still shows the old address', 'New lease starts next week — new address below', 'Relocated for my partner\'s job; ID update is pending at the DMV']) }
      if (R.chance(0.5)) { b.app.person.address = newA; b.app.previous_address = oldA }
      break
    }
    case 'own-llc-payee': {
      b = make({ kind: 'contractor' })
      const n = b.meta.name
      const disp = latinOf(n).split(' '); const llc = `${R.pick([disp[disp.length - 1], latinOf(n), R.pick(CO_A) + R.pick(CO_B)])} ${R.pick(['Software', 'Consulting', 'Digital', 'Labs', 'Tech'])} ${R.pick(['LLC', 'LLC', 'L.L.C.', 'Inc.', 'PLLC'])}`
      b.app.payment = { method: 'bank', account_holder: llc, bank_country: 'US', currency: 'USD', bank_name: R.pick(['Mercury', 'Chase', 'Relay', 'Bank of America', 'Novo']), account_last4: R.digits(4), note: R.pick(['I invoice through my single-member LLC', 'Please pay my LLC (I am the sole owner; EIN on the W-9)', 'Business account of my consulting company']) }
      b.app.company = { name: llc, role: 'owner', registered_in: b.app.person.address.region }
      break
    }
    case 'agency-declared': {
      const ag = R.pick(AGENCIES)
      b = make({ kind: 'contractor', source: 'staffing-agency' })
      b.app.agency = { name: ag.name, address: ag.office, phone: ag.phone, contact_email: `placements@${ag.domain}` }
      b.app.payment = { method: 'bank', account_holder: ag.name, bank_country: 'US', currency: 'USD', bank_name: 'Chase', account_last4: ag.bankLast4, note: `Paid through ${ag.name} (agency of record)` }
      b.app.submission = { ip: ag.ip, user_agent: R.pick(UA_BROWSERS) }
      if (R.chance(0.5)) b.app.person.phone = ag.phone
      if (R.chance(0.3)) b.app.person.email = uniqueEmail(`${slug(b.meta.name.first)}.${slug(b.meta.name.last)}@${ag.domain}`)
      b.app.references = [{ name: `${R.pick(ANGLO_F)} ${R.pick(ANGLO_L)}`, company: ag.name, relationship: 'account manager', email: `accounts@${ag.domain}`, phone: ag.phone }, ...b.app.references]
      if (R.chance(0.3)) b.app.logistics = { shipping_address: ag.office, note: 'Equipment goes to the agency office for imaging and hand-over' }
      b.label_ring_hint = ag.id
      break
    }
    case 'google-voice': {
      b = make({})
      b.app.person.phone_line_type = 'voip'
      if (R.chance(0.4)) b.app.interview.notes = 'Uses a Google Voice number for job hunting.'
      break
    }
    case 'night-shift': {
      b = make({})
      b.app.interview.notes = R.pick(['Works nights as hospital IT support; wants a role with late hours.', 'Night owl: prefers 10pm–6am focus hours, overlaps with APAC team.', 'Current job is night-shift NOC operator.'])
      addLog(b.app, b.meta, normalLog(b.app, b.meta, { hours: [21.5, 29.5] }))
      break
    }
    case 'travelling-vpn': {
      b = make({ kind: R.chance(0.6) ? 'contractor' : 'candidate' })
      b.app.interview.notes = R.pick(['Consultant who travels to client sites most weeks; always on a VPN from hotels.', 'Travels between client offices; uses NordVPN on public Wi-Fi.', 'Digital nomad part of the year, said so up front.'])
      const start = addDays(new Date(b.app.submitted_at), R.int(10, 30))
      const cities = R.sample(US, 3)
      const ev = []
      cities.forEach((c, i) => ev.push(...sessionEvents({ tz: c.tz, days: R.int(2, 4), start: addDays(start, i * 5), hours: [7, 20], ipFn: () => (R.chance(0.6) ? vpnIp() : resIp('US')), account: b.meta.logAccount, ua: () => b.meta.ua })))
      addLog(b.app, b.meta, ev.sort((a, z) => a.t - z.t))
      if (R.chance(0.5)) b.app.submission.ip = vpnIp()
      break
    }
    case 'name-written-differently': {
      const name = makeName(BENIGN_MIX, R.pick(['korean', 'korean', 'korean', 'chinese', 'vietnamese', 'arabic', 'slavic', 'hispanic', 'hispanic', 'indian', 'nigerian', 'anglo', 'japanese', 'european']))
      b = make({ name, residence: R.chance(0.8) ? 'US' : R.pick(ABROAD_FOR_ORIGIN[name.origin] || ['GB']) })
      let bankName = name.bankHonest
      if (bankName === name.form) bankName = name.form.toUpperCase()
      b.app.payment.account_holder = bankName
      if (R.chance(0.4)) b.meta.resumeData.resumeName = R.pick([name.bankHonest, name.form, name.form.toUpperCase()])
      break
    }
    case 'forwarder-customer': {
      const name = makeName(BENIGN_MIX, R.pick(['hispanic', 'hispanic', 'hispanic', 'anglo', 'european', 'korean', 'filipino']))
      const cc = R.pick(['CO', 'AR', 'BR', 'MX', 'CO'])
      b = make({ name, residence: cc })
      const fw = R.chance(0.7) ? FORWARDERS[0] : R.pick(FORWARDERS)
      const suite = fw.suite()
      b.app.logistics = { shipping_address: { ...fw.addr, line2: R.chance(0.85) ? suite : undefined, line1: R.chance(0.3) ? `${fw.addr.line1} ${suite}` : fw.addr.line1 }, note: R.pick([`My courier box (${fw.name}); they deliver to me in ${b.app.person.address.city}`, 'Casillero address — US parcels reach me here weekly', 'Shipping to my mailbox service in the US; I pay import duty']) }
      if (!b.app.logistics.shipping_address.line2) delete b.app.logistics.shipping_address.line2
      break
    }
    case 'common-name': {
      const [f, l, origin] = R.pick(COMMON_NAMES)
      const n = { origin, form: `${f} ${l}`, resume: `${f} ${l}`, bankHonest: `${f} ${l}`, first: slug(f), last: slug(l) }
      b = make({ name: n })
      b.app.payment.account_holder = R.chance(0.7) ? n.form : n.form.toUpperCase()
      break
    }
    case 'lookalike-two-signals': {
      const combo = R.pick(['agency+voip', 'llc+office-shipping', 'moving+camera', 'abroad+vpn', 'nightshift+webmail-refs', 'travel+new-github'])
      b = make({ kind: combo.startsWith('llc') || combo.startsWith('agency') ? 'contractor' : undefined, source: combo.startsWith('agency') ? 'staffing-agency' : undefined })
      const n = b.meta.name
      if (combo === 'agency+voip') {
        const ag = R.pick(AGENCIES)
        b.app.agency = { name: ag.name, address: ag.office, phone: ag.phone }
        b.app.payment = { method: 'bank', account_holder: ag.name, bank_country: 'US', currency: 'USD', bank_name: 'Chase', account_last4: ag.bankLast4, note: `Agency of record: ${ag.name}` }
        b.app.person.phone_line_type = 'voip'
        b.app.interview.notes = 'Placed by the agency; uses a Google Voice number.'
      } else if (combo === 'llc+office-shipping') {
        const llc = `${latinOf(n).split(' ').pop()} ${R.pick(['Consulting', 'Software', 'Tech'])} LLC`
        b.app.payment = { method: 'bank', account_holder: llc, bank_country: 'US', currency: 'USD', bank_name: 'Mercury', account_last4: R.digits(4), note: 'My own LLC' }
        b.app.logistics = { shipping_address: R.chance(0.5) ? COWORK : { line1: `${R.int(100, 999)} ${R.pick(STREETS)}`, line2: `Suite ${R.int(100, 400)}`, city: b.app.person.address.city, region: b.app.person.address.region, postal_code: b.app.person.address.postal_code, country: 'US' }, note: 'Please ship to my office (co-working space), someone is always at reception' }
      } else if (combo === 'moving+camera') {
        b.app.logistics = { shipping_address: usAddress(R.pick(US)), note: 'Moving at the end of the month — new address' }
        b.app.interview.video = 'camera_off'
        b.app.interview.observations = [R.pick(['Laptop camera broken after the move; offered to redo on phone', 'Camera failed; joined from phone for the last 10 minutes with video'])]
      } else if (combo === 'abroad+vpn') {
        const cc = R.pick(ABROAD_FOR_ORIGIN[n.origin] || ['GB'])
        const nb = make({ name: n, residence: cc, kind: b.app.kind, source: b.app.source })
        b = nb
        b.app.submission.ip = vpnIp()
        b.app.interview.notes = `Lives in ${b.app.person.address.city} and says so; uses a commercial VPN for privacy.`
        addLog(b.app, b.meta, sessionEvents({ tz: b.meta.tz, days: 6, start: addDays(new Date(b.app.submitted_at), 14), hours: [8, 19], ipFn: () => (R.chance(0.5) ? vpnIp() : b.meta.homeIp), account: b.meta.logAccount, ua: () => b.meta.ua }))
      } else if (combo === 'nightshift+webmail-refs') {
        b.app.interview.notes = 'Works night shifts; references are former freelance clients.'
        b.app.references = [0, 1].map(() => { const rn = makeName(BENIGN_MIX); return { name: latinOf(rn), company: coName(), relationship: 'client', email: uniqueEmail(`${slug(rn.first)}${slug(rn.last)}@${R.pick(WEBMAIL)}`), phone: usPhone(R.pick(US)) } })
        addLog(b.app, b.meta, normalLog(b.app, b.meta, { hours: [22, 29] }))
      } else {
        b.app.interview.notes = 'Travels for work; re-created GitHub after losing 2FA access.'
        const g = b.app.profiles.find(x => x.network === 'github')
        if (g) { g.created_at = `2026-0${R.int(3, 5)}-1${R.int(0, 9)}`; g.public_repos = R.int(1, 6); g.followers = R.int(0, 4) }
        b.app.submission.ip = vpnIp()
      }
      b.meta.combo = combo
      break
    }
    case 'sdn-namesake': {
      // honest people whose names romanise like a listed person, different date of birth
      const p = R.pick(SDN.persons)
      const form = R.pick(p.forms.filter(f => !/[\uac00-\ud7a3]/.test(f)))
      const parts = form.split(/\s+/)
      const n = { origin: 'korean', form, resume: form, bankHonest: form, first: slug(parts.slice(1).join('')) || slug(parts[0]), last: slug(parts[0]) }
      b = make({ name: n, residence: R.chance(0.7) ? 'US' : 'KR' })
      b.app.person.date_of_birth = dobForms([R.int(1975, 2001), R.int(1, 12), R.int(1, 28)])
      break
    }
    case 'thin-presence-newcomer': {
      b = make({ kind: 'candidate' })
      b.app.role = R.pick(['Junior Software Engineer', 'Graduate Developer', 'Associate Engineer', 'Apprentice Developer'])
      b.meta.resumeData.work = b.meta.resumeData.work.slice(0, 1)
      b.meta.resumeData.education[0].endDate = '2026-05'
      b.meta.resumeData.education[0].startDate = '2022-09'
      b.app.profiles = [{ network: 'github', username: `${slug(b.meta.name.first)}${slug(b.meta.name.last)}-dev`, url: `https://github.com/${slug(b.meta.name.first)}${slug(b.meta.name.last)}-dev`, created_at: `2026-0${R.int(1, 6)}-0${R.int(1, 9)}`, public_repos: R.int(1, 7), followers: R.int(0, 3), contributions_last_year: R.int(5, 120) }, { network: 'linkedin', url: `https://www.linkedin.com/in/${slug(b.meta.name.first)}-${slug(b.meta.name.last)}-${R.hex(4)}`, connections: R.int(5, 45), created_at: '2025-11-01' }]
      break
    }
    case 'declared-trip-abroad': {
      // lives in the US, visiting family abroad for a few weeks and says so; signs in from there
      const name = makeName(BENIGN_MIX)
      b = make({ name })
      const cc = R.pick(ABROAD_FOR_ORIGIN[name.origin] || ['GB'])
      const where = ABROAD[cc]
      b.app.interview.notes = R.pick([`Visiting family in ${R.pick(where.city)} until mid-${R.pick(['October', 'November'])}; said so at the start of the call.`, `On a planned trip to ${R.pick(where.city)} for three weeks, back before the start date.`, `Working remotely from ${R.pick(where.city)} for a month while a parent recovers from surgery.`])
      const start = addDays(new Date(b.app.submitted_at), R.int(10, 20))
      const abroadIp = resIp(cc)
      addLog(b.app, b.meta, sessionEvents({ tz: where.tz, days: R.int(5, 9), start, hours: [9, 20], ipFn: () => (R.chance(0.85) ? abroadIp : resIp(cc)), account: b.meta.logAccount, ua: () => b.meta.ua }))
      if (R.chance(0.5)) b.app.submission.ip = abroadIp
      break
    }
    case 'wrong-log-attached': {
      // a reviewer attached another person's sign-in export to this honest applicant's case
      b = make({ kind: 'contractor' })
      const other = makeName(PERSONA_MIX)
      const acct = emailFor(other, 'gmail.com', 'persona')
      b.meta.logStyle = 'plain'
      const start = addDays(new Date(b.app.submitted_at), R.int(10, 20))
      addLog(b.app, b.meta, sessionEvents({ tz: 'Asia/Shanghai', days: R.int(5, 9), start, hours: [9, 19], ipFn: () => (R.chance(0.6) ? dcIp() : resIp('US')), account: acct, ua: () => R.pick(UA_BROWSERS), remote: 0.4 }))
      break
    }
    case 'recent-new-email': {
      b = make({})
      b.app.person.email = uniqueEmail(`${slug(b.meta.name.first)}.${slug(b.meta.name.last)}.jobs${R.int(1, 99)}@${R.pick(['gmail.com', 'outlook.com'])}`)
      b.app.interview.notes = 'Made a separate mailbox for job hunting.'
      break
    }
  }
  return b
}

// ---------- pattern archetypes
function persona(opts = {}) {
  const name = makeName(PERSONA_MIX)
  const kind = opts.kind || (R.chance(0.55) ? 'contractor' : 'candidate')
  const b = make({ name, kind, source: opts.source, residence: 'US' })
  // personas: fresh email, some voip, thinner histories
  b.app.person.email = emailFor(name, null, 'persona')
  b.meta.logAccount = b.app.person.email
  b.meta.resumeData.resumeEmail = b.app.person.email
  b.meta.operatorTz = R.pick(['Asia/Shanghai', 'Asia/Shanghai', 'Asia/Vladivostok', 'Asia/Pyongyang', 'Asia/Shanghai'])
  b.meta.operatorCc = b.meta.operatorTz === 'Asia/Vladivostok' ? 'RU' : 'CN'
  if (R.chance(0.5)) { const d = new Date(b.app.submitted_at); const day = new Intl.DateTimeFormat('en-CA', { timeZone: b.meta.operatorTz }).format(d).split('-').map(Number); b.app.submitted_at = iso(localToUtc(b.meta.operatorTz, day[0], day[1] - 1, day[2], R.int(9, 19), R.int(0, 59), R.int(0, 59))) }
  return b
}
// moderate signals from different families
const SIGNALS = {
  'webmail-refs': b => { b.app.references = [0, 1].map(i => { const rn = makeName(PERSONA_MIX); const job = b.meta.resumeData.work[Math.min(i, b.meta.resumeData.work.length - 1)]; return { name: latinOf(rn), company: job.name, relationship: R.pick(['manager', 'team lead', 'CTO']), email: uniqueEmail(`${slug(rn.first)}${R.pick(['.', ''])}${slug(rn.last)}${R.pick(['', R.int(1, 99)])}@${R.pick(['gmail.com', 'gmail.com', 'outlook.com', 'proton.me'])}`), phone: `+1 ${R.pick(R.pick(US).ac)} ${R.int(201, 989)} ${R.digits(4)}` } }) },
  'camera-refused': b => { b.app.interview.video = R.pick(['camera_off', 'camera_off', 'declined']); b.app.interview.observations = [R.pick(['Said the webcam was broken', 'Kept camera off, said bandwidth was bad', 'Declined video; offered a phone call instead', 'Camera "not working" in both rounds', 'Joined with a static profile picture only'])] ; if (R.chance(0.5)) b.app.interview.observations.push(R.pick(['Long pauses before each answer', 'Seemed to be reading answers', 'Could not describe the area they live in', 'Background noise of many voices'])) },
  'interview-oddities': b => { b.app.interview.video = 'completed'; b.app.interview.notes = R.pick(['Voice sounded different from the first call.', 'Face glitched when he waved his hand in front of it.', 'Seemed to be reading his answers off another screen; eyes kept scanning.', 'Could not name anything near the neighbourhood he says he lives in.', 'Somebody else seemed to be prompting her; long silences, then fluent answers.', 'Lip movement did not match the audio for most of the call.', 'Background blurred; several other voices audible, like a call centre.']) },
  'resume-anachronism': b => { const w = b.meta.resumeData.work; const j = w[w.length - 1]; const [tech, year] = R.pick(ANACHRONISM); const y = Math.min(year - R.int(2, 4), Number(j.startDate.slice(0, 4))); j.startDate = `${y}-0${R.int(1, 9)}`; j.endDate = `${year - 1}-${String(R.int(1, 12)).padStart(2, '0')}`; j.highlights = [`${R.pick(VERB)} ${R.pick(THING)} with ${tech}, ${RESULT()}.`, ...j.highlights.slice(0, 2)]; if (b.meta.resumeMode === 'none') b.meta.resumeMode = 'json' },
  'impossible-travel': b => { b.meta.impossibleTravel = true },
  'night-signins': b => { b.meta.nightSignins = true },
  voip: b => { b.app.person.phone_line_type = 'voip' },
  'datacenter-ip': b => { b.app.submission.ip = dcIp(); b.meta.dcSignins = true },
  'thin-new-profiles': b => { if (!b.app.profiles.some(p => p.network === 'github')) b.app.profiles.push({ network: 'github', username: `${slug(b.meta.name.first)}-${slug(b.meta.name.last)}-${R.int(1, 99)}`, url: 'https://github.com/x', created_at: '2026-03-01' }); const gh0 = b.app.profiles.find(p => p.network === 'github'); gh0.url = `https://github.com/${gh0.username}`; for (const p of b.app.profiles) { if (p.network === 'github') { p.created_at = `2026-0${R.int(2, 5)}-${String(R.int(1, 28)).padStart(2, '0')}`; p.public_repos = R.int(1, 6); p.followers = R.int(0, 2); p.contributions_last_year = R.int(3, 40) } if (p.network === 'linkedin') { p.connections = R.int(3, 40); p.created_at = '2026-02-01' } } },
  'remote-tool': b => { b.meta.remoteTool = true },
  'ship-elsewhere': b => { const other = usAddress(R.pick(US)); b.app.logistics = { shipping_address: other, note: R.pick(['please ship to my cousin, I am moving', 'Send it to my friend\'s place, I am between apartments', 'I cannot receive packages at my address, use this one', 'Ship to my relative, he will bring it to me']) } },
  'payee-other': b => { const pn = makeName(PERSONA_MIX); b.app.payment = { method: R.pick(['bank', 'payoneer', 'wise']), account_holder: latinOf(pn), bank_country: R.pick(['US', 'US', 'HK', 'CN', 'AE']), currency: 'USD', account_last4: R.digits(4), note: R.pick(['My brother handles my banking', 'Account is in my wife\'s name', 'Pay my business partner, we split', '']) } },
  crypto: b => { b.app.payment = { method: 'crypto', currency: R.pick(['USDT', 'USDC', 'USDT']), wallet_address: R.pick([`T${R.b58(33)}`, `0x${R.hex(40)}`]), note: R.pick(['USDT on TRC20 please', 'Flat rate in USDC is fine', '']) } },
}
function applySignals(b, names) { for (const s of names) SIGNALS[s](b); b.meta.signals = (b.meta.signals || []).concat(names) }
const needsLog = b => (b.meta.signals || []).some(s => ['impossible-travel', 'night-signins', 'remote-tool'].includes(s))
function personaLog(b, opts = {}) {
  const start = addDays(new Date(b.app.submitted_at), R.int(10, 30))
  const otz = b.meta.operatorTz
  const farmIp = opts.farmIp || null
  const claimedIp = farmIp || b.meta.homeIp
  const useNight = b.meta.nightSignins || opts.night
  const hours = useNight ? [8.5, 18.5] : [7.5, 18]
  const tz = useNight ? otz : b.meta.tz
  const ipFn = () => {
    if (b.meta.dcSignins && R.chance(0.6)) return dcIp()
    return claimedIp
  }
  const extra = []
  if (b.meta.impossibleTravel) {
    for (let k = 0; k < R.int(1, 3); k++) {
      const t0 = addDays(start, R.int(0, 6)); t0.setUTCHours(R.int(14, 22), R.int(0, 59))
      extra.push({ t: t0, ip: claimedIp, ua: b.meta.ua, event: 'login', account: b.meta.logAccount })
      extra.push({ t: new Date(t0.getTime() + R.int(8, 55) * 60000), ip: R.chance(0.5) ? resIp(b.meta.operatorCc) : dcIp(), ua: b.meta.ua, event: 'login', account: b.meta.logAccount })
    }
  }
  const ev = sessionEvents({ tz, days: R.int(5, 12), start, hours, ipFn, account: b.meta.logAccount, ua: () => b.meta.ua, perDay: [1, 3], remote: (b.meta.remoteTool || opts.remote) ? 0.6 : 0, extra })
  addLog(b.app, b.meta, ev)
}
const MODERATE = ['webmail-refs', 'camera-refused', 'interview-oddities', 'impossible-travel', 'night-signins', 'voip', 'datacenter-ip', 'thin-new-profiles', 'remote-tool']

const pat = []
function pushP(b, arch, ring = '') { pat.push({ b, arch, ring }) }

function laptopFarms() {
  const sizes = [8, 6, 5, 5, 4, 4]
  sizes.forEach((size, fi) => {
    const loc = R.pick(US.filter(u => ['Litchfield Park', 'Nashville', 'Fairfax', 'Dallas', 'Minneapolis', 'Columbus', 'Atlanta', 'Phoenix'].includes(u.city)))
    const farm = { addr: usAddress(loc, { apt: false }), ip: resIp('US'), name: makeName(BENIGN_MIX, 'anglo'), phone: usPhone(loc), last4: R.digits(4), routing: R.pick(['021000021', '121000248', '111000614']), bank: R.pick(['Chase', 'Wells Fargo', 'Bank of America']) }
    delete farm.addr.line2
    for (let i = 0; i < size; i++) {
      const b = persona()
      const writeAddr = { ...farm.addr }
      if (R.chance(0.4)) writeAddr.line1 = writeAddr.line1.replace(/ St$/, ' Street').replace(/ Ave$/, ' Avenue').replace(/ Dr$/, ' Drive')
      if (R.chance(0.3)) writeAddr.postal_code = `${writeAddr.postal_code}-${R.digits(4)}`
      if (R.chance(0.3)) writeAddr.line2 = `c/o ${farm.name.form}`
      b.app.logistics = { shipping_address: writeAddr, note: R.pick(['please ship to my aunt, I am travelling', 'Ship to my business address', 'temporary address while my apartment is renovated', 'My roommate will sign for it', '']) }
      if (!b.app.logistics.note) delete b.app.logistics.note
      if (R.chance(0.3)) { b.app.person.address = { ...farm.addr }; b.app.logistics.shipping_address = { ...farm.addr } } // some even claim it as home
      b.app.submission.ip = R.chance(0.6) ? farm.ip : dcIp()
      applySignals(b, R.sample(MODERATE.filter(s => s !== 'remote-tool'), R.int(1, 3)))
      if (R.chance(0.4)) { b.app.payment = { method: 'bank', account_holder: R.chance(0.5) ? farm.name.form : latinOf(b.meta.name), bank_country: 'US', currency: 'USD', bank_name: farm.bank, routing_number: farm.routing, account_last4: farm.last4 } }
      personaLog(b, { farmIp: farm.ip, remote: true })
      pushP(b, 'laptop-farm', `farm-${fi + 1}`)
    }
  })
}
function personaRings() {
  const sizes = [6, 5, 4, 4, 4, 4, 4, 3]
  sizes.forEach((size, ri) => {
    const shared = { phone: usPhone(R.pick(US)), email: null, photoSeed: R.int(1, 1e9), resume: null, payoutEmail: `${R.pick(['pay', 'billing', 'inv', 'acc'])}${R.int(100, 999)}${R.pick(['.work', '.dev', ''])}@${R.pick(['gmail.com', 'outlook.com'])}`, wallet: `T${R.b58(33)}`, account: R.digits(4), bankHolder: latinOf(makeName(PERSONA_MIX)) }
    const base = workHistory(R.int(2, 3), 2026)
    const baseSummary = summary()
    const baseSkills = R.sample(SKILLS, 7)
    const which = R.sample(['phone', 'photo', 'resume', 'payout', 'email', 'wallet', 'address'], R.int(2, 3))
    const ringLoc = R.pick(US), ringAddr = usAddress(ringLoc, { apt: true })
    for (let i = 0; i < size; i++) {
      const b = persona({ kind: 'contractor' })
      if (which.includes('phone') && R.chance(0.85)) { b.app.person.phone = phoneStyle(shared.phone); b.app.person.phone_line_type = 'voip'; b.meta.resumeData.phoneShown = b.app.person.phone }
      if (which.includes('email') && i > 0 && R.chance(0.7)) { const e = b.app.person.email.split('@')[0]; b.app.references = [{ name: latinOf(makeName(PERSONA_MIX)), company: base[0].name, relationship: 'manager', email: shared.payoutEmail.replace(/^(pay|billing|inv|acc)/, 'hr'), phone: shared.phone }]; void e }
      if (which.includes('resume')) {
        b.meta.resumeData.work = base.map(j => ({ ...j, highlights: R.chance(0.2) ? R.shuffle(j.highlights) : j.highlights.slice() }))
        b.meta.resumeData.summary = baseSummary
        b.meta.resumeData.skills = baseSkills
        if (b.meta.resumeMode === 'none') b.meta.resumeMode = 'txt'
      }
      if (which.includes('address')) { const a = { ...ringAddr }; const n = a.line2.replace(/^\D+/, ''); a.line2 = R.pick(['Apt ', 'Unit ', '#', 'Apt. ']) + n; if (R.chance(0.3)) { a.line1 = `${a.line1} ${a.line2}`; delete a.line2 } if (R.chance(0.3)) a.postal_code = `${a.postal_code}-${R.digits(4)}`; b.app.person.address = a; b.app.person.timezone = ringLoc.tz; b.app.logistics = { shipping_address: { ...a } } }
      if (which.includes('photo')) b.meta.photo = { seed: shared.photoSeed, variant: R.pick(['same', 'same', 'recompress', 'bright']) }
      if (which.includes('payout')) b.app.payment = { method: 'payoneer', account_holder: R.chance(0.5) ? latinOf(b.meta.name) : shared.bankHolder, account_email: shared.payoutEmail, currency: 'USD', bank_country: 'US' }
      if (which.includes('wallet')) b.app.payment = { method: 'crypto', currency: 'USDT', wallet_address: shared.wallet }
      applySignals(b, R.sample(MODERATE, R.int(1, 3)))
      if (needsLog(b) || R.chance(0.4)) personaLog(b, {})
      pushP(b, 'persona-ring', `ring-${ri + 1}`)
    }
  })
}
function frontCompany() {
  const groups = [[0, 6, 'front-silverstar'], [2, 5, 'front-chinyong']]
  for (const [ci, size, ring] of groups) {
    const [, variants] = SDN.companies[ci]
    const alt = ci === 0 ? SDN.companies[1][1] : SDN.companies[3][1]
    const baseWork = workHistory(2, 2026)
    const sharedBullets = baseWork.map(j => j.highlights)
    for (let i = 0; i < size; i++) {
      const b = persona({ kind: 'contractor' })
      const coName_ = R.pick(R.chance(0.7) ? variants : alt)
      const where = R.pick(['employer', 'payee', 'reference', 'employer'])
      if (where === 'employer') b.meta.resumeData.work = [{ name: coName_, position: R.pick(['Senior Developer', 'Software Engineer', 'Full Stack Developer']), startDate: '2019-03', highlights: sharedBullets[0].slice() }, ...baseWork.slice(1).map(j => ({ ...j, highlights: j.highlights.slice() }))]
      else b.meta.resumeData.work = baseWork.map(j => ({ ...j, highlights: j.highlights.slice() }))
      if (where === 'payee') b.app.payment = { method: 'bank', account_holder: coName_, bank_country: R.pick(['CN', 'HK', 'RU']), currency: 'USD', note: 'Invoices go through my outsourcing company' }
      if (where === 'reference') b.app.references = [{ name: latinOf(makeName(PERSONA_MIX)), company: coName_, relationship: 'manager', email: `hr.${slug(coName_).slice(0, 8)}@${R.pick(['gmail.com', 'outlook.com'])}` }]
      if (b.meta.resumeMode === 'none') b.meta.resumeMode = 'json'
      applySignals(b, R.sample(MODERATE, R.int(1, 2)))
      if (needsLog(b) || R.chance(0.3)) personaLog(b, {})
      pushP(b, 'front-company', ring)
    }
  }
  for (let i = 0; i < 6; i++) {
    const b = persona({ kind: 'contractor' })
    const [, variants] = R.pick(SDN.companies)
    const coName_ = R.pick(variants)
    if (R.chance(0.5)) b.app.payment = { method: 'bank', account_holder: coName_, bank_country: R.pick(['CN', 'RU', 'HK']), currency: 'USD' }
    else b.meta.resumeData.work[0].name = coName_
    if (b.meta.resumeMode === 'none') b.meta.resumeMode = 'txt'
    applySignals(b, R.sample(MODERATE, R.int(1, 2)))
    pushP(b, 'front-company', '')
  }
}
function rentedAccounts() {
  // Didenko-style: a real freelancer's aged, top-rated account, worked by someone else
  const ringDefs = [3, 3, 3]
  let k = 0
  const make1 = ring => {
    const b = persona({ kind: 'contractor', source: 'upwork' })
    const owner = makeName(BENIGN_MIX)
    const up = b.app.profiles.find(p => p.network === 'upwork') || {}
    Object.assign(up, { network: 'upwork', username: `${slug(owner.first)}_${slug(owner.last).slice(0, 4)}`, created_at: `${R.int(2015, 2019)}-0${R.int(1, 9)}-1${R.int(0, 9)}`, rating: 4.9, reviews: R.int(40, 150), jobs_completed: R.int(40, 150), earnings_usd: R.int(80000, 400000), identity_verified: true, country: 'US', display_name: latinOf(owner), name_changed_at: `2026-0${R.int(3, 7)}-0${R.int(1, 9)}` })
    if (!b.app.profiles.includes(up)) b.app.profiles.push(up)
    b.app.payment = { method: R.pick(['payoneer', 'paypal', 'wise']), account_holder: R.chance(0.6) ? latinOf(owner) : latinOf(b.meta.name), account_email: ring.email || emailFor(owner, 'gmail.com'), currency: 'USD', bank_country: R.pick(['US', 'HK', 'AE']) }
    applySignals(b, R.sample(['impossible-travel', 'datacenter-ip', 'night-signins', 'camera-refused', 'webmail-refs', 'voip'], R.int(2, 3)))
    personaLog(b, {})
    return b
  }
  for (const size of ringDefs) { k++; const ring = { email: `${R.pick(['upw', 'freelance', 'proj'])}.${R.hex(5)}@gmail.com` }; for (let i = 0; i < size; i++) pushP(make1(ring), 'rented-account', `rented-${k}`) }
  for (let i = 0; i < 15; i++) pushP(make1({}), 'rented-account', '')
}
function sdnIdentifiers() {
  const kinds = ['gmail', 'gmail', 'gmail', 'site', 'site', 'eth', 'eth', 'usdt', 'xbt', 'trx', 'company', 'company', 'person', 'person', 'person', 'other-mail', 'eth', 'site', 'gmail', 'person']
  for (const kind of kinds) {
    const b = persona()
    switch (kind) {
      case 'gmail': { const g = gmailVariant(R.pick(SDN.gmail)); const where = R.pick(['person', 'reference', 'payout']); if (where === 'person') { b.app.person.email = g; b.meta.resumeData.resumeEmail = g; b.meta.logAccount = g } else if (where === 'reference') b.app.references = [{ name: latinOf(makeName(PERSONA_MIX)), company: b.meta.resumeData.work[0].name, relationship: 'manager', email: g }]; else b.app.payment = { method: 'paypal', account_holder: latinOf(b.meta.name), account_email: g, currency: 'USD' }; b.meta.sdnForm = g; break }
      case 'other-mail': { const g = R.pick(SDN.otherMail); b.app.references = [{ name: latinOf(makeName(PERSONA_MIX)), company: b.meta.resumeData.work[0].name, relationship: 'client', email: R.chance(0.5) ? g.toUpperCase() : g }]; b.meta.sdnForm = g; break }
      case 'site': { const s = R.pick(SDN.sites); b.meta.resumeData.portfolio = R.pick([s, `www.${s}`, `https://${s}/portfolio`, `${s}/about`]); b.meta.resumeMode = 'txt'; b.meta.sdnForm = b.meta.resumeData.portfolio; break }
      case 'eth': { const w = walletForms(R.pick(SDN.lazarusEth.concat([SDN.simHyonSopEth])), 'eth'); b.app.payment = { method: 'crypto', currency: 'ETH', wallet_address: w }; b.meta.sdnForm = w; break }
      case 'usdt': { const w = walletForms(SDN.kimSangManEth, 'usdt-erc20'); b.app.payment = { method: 'crypto', currency: 'USDT', wallet_address: w }; b.meta.sdnForm = w; break }
      case 'xbt': { const w = walletForms(R.pick(SDN.kimSangManXbt), 'xbt'); b.app.payment = { method: 'crypto', currency: 'BTC', wallet_address: w }; b.meta.sdnForm = w; break }
      case 'trx': { const w = R.pick(SDN.trx); b.app.payment = { method: 'crypto', currency: 'USDT', wallet_address: R.chance(0.5) ? w : `tron:${w}`, note: 'USDT TRC20' }; b.meta.sdnForm = w; break }
      case 'company': { const [, v] = R.pick(SDN.companies); const c = R.pick(v); b.app.payment = { method: 'bank', account_holder: c, bank_country: R.pick(['CN', 'RU']), currency: 'USD' }; b.meta.sdnForm = c; break }
      case 'person': { const p = R.pick(SDN.persons); const f = R.pick(p.forms); const dob = dobForms(p.dob); if (R.chance(0.5)) { b.app.person.full_name = f; b.app.person.date_of_birth = dob; b.meta.resumeData.resumeName = /[\uac00-\ud7a3]/.test(f) ? R.pick(p.forms.slice(0, 2)) : f } else b.app.payment = { method: R.pick(['bank', 'wise']), account_holder: f, bank_country: R.pick(['CN', 'RU', 'HK']), currency: 'USD', account_holder_date_of_birth: dob }; b.meta.sdnForm = `${f} / ${dob}`; break }
    }
    applySignals(b, R.sample(MODERATE, R.int(1, 2)))
    if (needsLog(b) || R.chance(0.3)) personaLog(b, {})
    pushP(b, 'sdn-identifier', '')
  }
}
function multiModerate(n) {
  for (let i = 0; i < n; i++) {
    const b = persona()
    const k = R.int(3, 5)
    // pick from different families: contact, interview, network(travel), time, presence
    const fam = { contact: ['webmail-refs', 'voip'], interview: ['camera-refused', 'interview-oddities'], network: ['impossible-travel', 'datacenter-ip', 'remote-tool'], time: ['night-signins'], presence: ['thin-new-profiles', 'resume-anachronism'] }
    const fams = R.sample(Object.keys(fam), Math.min(k, 5))
    const sigs = fams.map(f => R.pick(fam[f]))
    applySignals(b, sigs)
    if (needsLog(b) || R.chance(0.3)) personaLog(b, {})
    pushP(b, 'multi-moderate', '')
  }
}
const COMMON_PAYEES = ['David Lee', 'Michael Brown', 'Maria Garcia', 'John Smith', 'Wei Zhang']
function payeeMismatch(n) {
  for (let i = 0; i < n; i++) {
    const b = persona()
    const v = R.f()
    if (v < 0.35) applySignals(b, ['crypto', ...R.sample(MODERATE, R.int(1, 3))])
    else if (v < 0.6) { applySignals(b, ['payee-other', ...R.sample(MODERATE, R.int(1, 2))]); b.app.payment.account_holder = R.pick(COMMON_PAYEES); delete b.app.payment.account_last4 }
    else applySignals(b, ['payee-other', ...R.sample(MODERATE, R.int(1, 3))])
    if (needsLog(b) || R.chance(0.3)) personaLog(b, {})
    pushP(b, 'payee-mismatch', '')
  }
}
function forwarderReship(n) {
  for (let i = 0; i < n; i++) {
    const b = persona()
    const fw = R.pick(FORWARDERS)
    b.app.logistics = { shipping_address: { ...fw.addr, line2: fw.suite() }, note: R.pick(['Ship to my logistics agent, he forwards to me', 'I will be travelling; my forwarding address', 'Send to this warehouse address please', '']) }
    if (!b.app.logistics.note) delete b.app.logistics.note
    applySignals(b, R.sample(MODERATE, R.int(2, 3)))
    if (needsLog(b) || R.chance(0.3)) personaLog(b, {})
    pushP(b, 'forwarder-reship', '')
  }
}

// ---------------------------------------------------------------- build everything
function main() {
  // pattern
  laptopFarms(); personaRings(); frontCompany(); rentedAccounts(); sdnIdentifiers()
  const soFar = pat.length
  const forwarderN = 13, payeeN = 30
  multiModerate(Math.max(0, PATTERN_N - soFar - forwarderN - payeeN))
  payeeMismatch(payeeN); forwarderReship(forwarderN)
  // benign
  for (const [arch, n] of benignPlan) {
    if (arch === 'shared-household') {
      for (let i = 0; i < n / 2; i++) {
        const a = benign('honest-local'), c = benign('honest-local')
        c.app.person.address = { ...a.app.person.address }; c.app.logistics.shipping_address = { ...a.app.person.address }
        c.app.submission.ip = a.app.submission.ip
        push(a, 'benign', 'shared-household'); push(c, 'benign', 'shared-household')
      }
      continue
    }
    for (let i = 0; i < n; i++) { const b = benign(arch); push(b, 'benign', arch === 'lookalike-two-signals' ? `lookalike:${b.meta.combo}` : arch) }
  }
  for (const p of pat) push(p.b, 'pattern', p.arch, p.ring)

  // write
  // write beside the target, then swap, so a reader never sees a half-written population
  const FINAL = OUT
  const TMP = `${FINAL}.tmp-${process.pid}`
  fs.rmSync(TMP, { recursive: true, force: true })
  const popDir = path.join(TMP, 'population')
  fs.mkdirSync(popDir, { recursive: true })
  const order = R.shuffle(out)
  for (const { app, meta } of order) {
    finishResume(app, meta)
    if (meta.photo || R.chance(0.35)) {
      const ph = meta.photo || { seed: R.int(1, 1e9), variant: 'same' }
      const file = `${app.external_id}.png`
      meta.files[file] = pngOf(photoPixels(ph.seed), ph.variant)
      const target = app.profiles.find(p => ['upwork', 'linkedin', 'contra', 'freelancer', 'toptal'].includes(p.network)) || app.profiles[0]
      if (target) target.photo = file
      else app.profiles.push({ network: 'linkedin', url: `https://www.linkedin.com/in/${slug(meta.name.first)}-${R.hex(6)}`, photo: file })
    }
    // tidy: drop empty arrays/undefined
    if (!app.references.length) delete app.references
    if (!app.interview.observations.length) delete app.interview.observations
    const json = JSON.stringify(app, (k, v) => (v === undefined ? undefined : v), 2)
    fs.writeFileSync(path.join(popDir, `${app.external_id}.json`), json + '\n')
    for (const [f, data] of Object.entries(meta.files)) fs.writeFileSync(path.join(popDir, f), data)
  }
  const labels = order.map(o => o.label)
  fs.writeFileSync(path.join(TMP, 'truth.json'), JSON.stringify(order.map(o => ({ id: o.app.external_id, archetype: o.label.archetype, ring: o.label.ring, signals: o.meta.signals || [], combo: o.meta.combo, sdnForm: o.meta.sdnForm, photoShared: !!o.meta.photo })), null, 1) + '\n')
  fs.writeFileSync(path.join(TMP, 'labels.csv'), ['id,label,archetype,ring,nameOrigin,residence', ...labels.map(l => [l.id, l.label, l.archetype, l.ring, l.nameOrigin, l.residence].join(','))].join('\n') + '\n')
  fs.mkdirSync('/tmp/indep-selfcheck', { recursive: true })
  fs.writeFileSync('/tmp/indep-selfcheck/ips.tsv', ipLog.map(x => x.join('\t')).join('\n') + '\n')
  // labels.json LAST
  fs.writeFileSync(path.join(TMP, 'labels.json'), JSON.stringify(labels, null, 1) + '\n')
  if (!TWIN && !process.argv.includes('--no-twins')) {
    // counterfactual twins: the same seed with every generated name from another name bank, scored as a
    // population of its own (DIR/twins, same external_ids); their labels in DIR/twins-labels.json
    const build = path.join(TMP, 'twins-build')
    require('node:child_process').execFileSync(process.execPath, [path.resolve(process.argv[1]), '--twin', '--no-twins', '--seed', String(SEED), '--size', String(SIZE), '--out', build], { stdio: ['ignore', 'ignore', 'inherit'] })
    fs.renameSync(path.join(build, 'population'), path.join(TMP, 'twins'))
    fs.renameSync(path.join(build, 'labels.json'), path.join(TMP, 'twins-labels.json'))
    fs.rmSync(build, { recursive: true, force: true })
    fs.writeFileSync(path.join(TMP, 'labels.json'), JSON.stringify(labels, null, 1) + '\n') // labels.json stays the last file written
  }
  const OLD = `${FINAL}.old-${process.pid}`
  if (fs.existsSync(FINAL)) fs.renameSync(FINAL, OLD)
  fs.renameSync(TMP, FINAL)
  fs.rmSync(OLD, { recursive: true, force: true })
  const counts = {}
  for (const l of labels) { const k = `${l.label}\t${l.archetype}`; counts[k] = (counts[k] || 0) + 1 }
  process.stdout.write(`wrote ${labels.length} applications (${labels.filter(l => l.label === 'pattern').length} pattern) to ${OUT}\n`)
  for (const [k, v] of Object.entries(counts).sort()) process.stdout.write(`${k}\t${v}\n`)
}
main()
