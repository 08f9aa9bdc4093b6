import { chineseReadings } from './chineseNames'

/**
 * Japanese names written in kanji or kana beside a romanised form ("高橋健太" / "Kenta Takahashi",
 * "さとう はると" / "Satoh Haruto").
 *
 * Kana are a syllabary: they romanise deterministically (modified Hepburn here), and the long vowels people
 * spell in several ways (ō, ou, oo, oh, o: "Satō", "Satou", "Satoh", "Sato") are read as one.
 * Kanji are not: a name's characters have several readings (on'yomi and kun'yomi, and given names with
 * readings of their own), so the characters alone cannot say how the holder romanises them. A table of
 * common family names and their readings can confirm a family name, or rule it out; a given name in kanji
 * cannot be told. So the comparison here answers:
 *
 * - `same`: every word on the Japanese side is read (kana, or a family name in the table) and agrees;
 * - `cannot tell`: what can be read agrees, the rest is kanji no table reads (never a mismatch: it is how
 *   a person writes their own name, not evidence against it);
 * - `different`: a word that can be read (a table family name, kana) matches no romanised word;
 * - null: not a pair of this kind (both sides not one in kanji/kana and one in Latin letters, or the Latin
 *   side does not spell Japanese sounds, as "Kim", "Li", "John" do not), left to the other comparisons.
 *
 * A spelling question only: nothing here reads a name as a sign of anyone's origin.
 */

/**
 * Common family names and their usual readings: the top 100 of the national surname ranking published by
 * 名字由来net (myoji-yurai.net), with a further few dozen common ones and the older forms of some characters
 * (渡邊/渡邉, 齋藤/齊藤, 髙橋). Readings in modified Hepburn with long vowels unmarked (see japaneseKey).
 */
const FAMILY_NAMES: Record<string, string[]> = {
  佐藤: ['sato'], 鈴木: ['suzuki'], 高橋: ['takahashi', 'takabashi'], 髙橋: ['takahashi'], 田中: ['tanaka'], 伊藤: ['ito'], 渡辺: ['watanabe'], 渡邊: ['watanabe'], 渡邉: ['watanabe'],
  山本: ['yamamoto'], 中村: ['nakamura'], 小林: ['kobayashi'], 加藤: ['kato'], 吉田: ['yoshida'], 山田: ['yamada'], 佐々木: ['sasaki'], 山口: ['yamaguchi'], 松本: ['matsumoto'],
  井上: ['inoue'], 木村: ['kimura'], 林: ['hayashi'], 斎藤: ['saito'], 斉藤: ['saito'], 齋藤: ['saito'], 齊藤: ['saito'], 清水: ['shimizu'], 山崎: ['yamazaki', 'yamasaki'],
  森: ['mori'], 池田: ['ikeda'], 橋本: ['hashimoto'], 阿部: ['abe'], 石川: ['ishikawa'], 山下: ['yamashita'], 中島: ['nakajima', 'nakashima'], 石井: ['ishii'], 小川: ['ogawa'],
  前田: ['maeda'], 岡田: ['okada'], 長谷川: ['hasegawa'], 藤田: ['fujita'], 後藤: ['goto'], 近藤: ['kondo'], 村上: ['murakami'], 遠藤: ['endo'], 青木: ['aoki'], 坂本: ['sakamoto'],
  福田: ['fukuda'], 太田: ['ota'], 西村: ['nishimura'], 藤井: ['fujii'], 金子: ['kaneko'], 岡本: ['okamoto'], 藤原: ['fujiwara', 'fujihara'], 中野: ['nakano'], 三浦: ['miura'],
  原田: ['harada'], 中川: ['nakagawa'], 松田: ['matsuda'], 竹内: ['takeuchi'], 小野: ['ono'], 田村: ['tamura'], 中山: ['nakayama'], 和田: ['wada'], 石田: ['ishida'], 森田: ['morita'],
  上田: ['ueda'], 原: ['hara'], 内田: ['uchida'], 柴田: ['shibata'], 酒井: ['sakai'], 宮崎: ['miyazaki', 'miyasaki'], 横山: ['yokoyama'], 高木: ['takagi'], 安藤: ['ando'],
  宮本: ['miyamoto'], 大野: ['ono'], 小島: ['kojima'], 谷口: ['taniguchi'], 今井: ['imai'], 工藤: ['kudo'], 高田: ['takada', 'takata'], 増田: ['masuda'], 丸山: ['maruyama'],
  杉山: ['sugiyama'], 村田: ['murata'], 大塚: ['otsuka'], 新井: ['arai'], 小山: ['koyama', 'oyama'], 平野: ['hirano'], 藤本: ['fujimoto'], 河野: ['kono', 'kawano'], 上野: ['ueno'],
  野口: ['noguchi'], 武田: ['takeda'], 松井: ['matsui'], 千葉: ['chiba'], 岩崎: ['iwasaki'], 菅原: ['sugawara'], 木下: ['kinoshita'], 久保: ['kubo'], 佐野: ['sano'], 野村: ['nomura'],
  松尾: ['matsuo'], 市川: ['ichikawa'], 菊地: ['kikuchi'], 菊池: ['kikuchi'], 杉本: ['sugimoto'], 山内: ['yamauchi'], 大西: ['onishi'], 島田: ['shimada'], 小松: ['komatsu'],
  西田: ['nishida'], 吉川: ['yoshikawa', 'kikkawa'], 中田: ['nakata', 'nakada'], 桜井: ['sakurai'], 櫻井: ['sakurai'], 山中: ['yamanaka'], 石原: ['ishihara'], 小池: ['koike'],
  浅野: ['asano'], 松下: ['matsushita'], 水野: ['mizuno'], 北村: ['kitamura'], 荒木: ['araki'], 服部: ['hattori'], 田口: ['taguchi'], 大橋: ['ohashi'], 本田: ['honda'], 浜田: ['hamada'],
  濱田: ['hamada'], 堀: ['hori'], 小田: ['oda'], 菅野: ['kanno', 'sugano'], 関: ['seki'], 樋口: ['higuchi'], 高野: ['takano'], 西川: ['nishikawa'], 中西: ['nakanishi'], 川口: ['kawaguchi'],
  辻: ['tsuji'], 東: ['higashi', 'azuma'], 高山: ['takayama'], 松岡: ['matsuoka'], 永井: ['nagai'], 杉浦: ['sugiura'], 片山: ['katayama'], 平田: ['hirata'], 田辺: ['tanabe'],
  宮田: ['miyata'], 秋山: ['akiyama'], 安田: ['yasuda'], 川村: ['kawamura'], 大石: ['oishi'], 飯田: ['iida'], 岩田: ['iwata'], 中井: ['nakai'], 福島: ['fukushima'], 森本: ['morimoto'],
  大久保: ['okubo'], 小西: ['konishi'], 大谷: ['otani', 'oya'], 吉村: ['yoshimura'], 土屋: ['tsuchiya'], 野田: ['noda'], 五十嵐: ['igarashi'], 小澤: ['ozawa'], 小沢: ['ozawa'],
}

/** Modified Hepburn for the kana (hiragana; katakana are read through their hiragana). */
const KANA: Record<string, string> = {
  あ: 'a', い: 'i', う: 'u', え: 'e', お: 'o', か: 'ka', き: 'ki', く: 'ku', け: 'ke', こ: 'ko', が: 'ga', ぎ: 'gi', ぐ: 'gu', げ: 'ge', ご: 'go',
  さ: 'sa', し: 'shi', す: 'su', せ: 'se', そ: 'so', ざ: 'za', じ: 'ji', ず: 'zu', ぜ: 'ze', ぞ: 'zo', た: 'ta', ち: 'chi', つ: 'tsu', て: 'te', と: 'to',
  だ: 'da', ぢ: 'ji', づ: 'zu', で: 'de', ど: 'do', な: 'na', に: 'ni', ぬ: 'nu', ね: 'ne', の: 'no', は: 'ha', ひ: 'hi', ふ: 'fu', へ: 'he', ほ: 'ho',
  ば: 'ba', び: 'bi', ぶ: 'bu', べ: 'be', ぼ: 'bo', ぱ: 'pa', ぴ: 'pi', ぷ: 'pu', ぺ: 'pe', ぽ: 'po', ま: 'ma', み: 'mi', む: 'mu', め: 'me', も: 'mo',
  や: 'ya', ゆ: 'yu', よ: 'yo', ら: 'ra', り: 'ri', る: 'ru', れ: 're', ろ: 'ro', わ: 'wa', ゐ: 'i', ゑ: 'e', を: 'o', ん: 'n', ゔ: 'vu',
}
const SMALL_Y: Record<string, string> = { ゃ: 'a', ゅ: 'u', ょ: 'o' }
const SMALL_VOWEL: Record<string, string> = { ぁ: 'a', ぃ: 'i', ぅ: 'u', ぇ: 'e', ぉ: 'o' }

const HAN = /\p{Script=Han}/u
const KANA_CHAR = /[\p{Script=Hiragana}\p{Script=Katakana}ー]/u
const JAPANESE_WRITTEN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー・\s]+$/u
const LATIN_WRITTEN = /^[\p{Script=Latin}\s.'’\-,]+$/u

export function hasKana(text: string): boolean {
  return KANA_CHAR.test(text)
}

/** Kana in modified Hepburn ("さとう" → "satou", "リュウ" → "ryuu"); anything else left as it is. */
export function romaniseKana(text: string): string {
  // Katakana to hiragana: the blocks are 0x60 apart.
  const chars = [...text.normalize('NFKC')].map(c => (c >= '\u30a1' && c <= '\u30f6' ? String.fromCharCode(c.charCodeAt(0) - 0x60) : c))
  let out = ''
  let double = false
  let prev = ''
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    if (c === 'っ') {
      double = true
      continue
    }
    let syl: string
    if (SMALL_Y[c] !== undefined) {
      // きゃ kya, しゃ sha, ちゃ cha, じゃ ja: the i of the mora before gives way to the small y-kana.
      out = out.replace(/(sh|ch|j)i$/, '$1').replace(/i$/, 'y')
      syl = SMALL_Y[c]!
    } else if (SMALL_VOWEL[c] !== undefined) {
      // ファ fa, ティ ti, ウィ wi: the small vowel replaces the vowel of the mora before.
      out = prev === 'u' ? `${out.slice(0, -1)}w` : out.replace(/[aiueo]$/, '')
      syl = SMALL_VOWEL[c]!
    } else if (c === 'ー') {
      // The long-vowel mark repeats the vowel before it.
      syl = /[aiueo]$/.exec(out)?.[0] ?? ''
    } else syl = KANA[c] ?? c
    if (double && /^[a-z]/.test(syl)) syl = (syl.startsWith('ch') ? 't' : syl[0]!) + syl
    double = false
    // ん before a vowel or y is written n' in Hepburn; the apostrophe is dropped here as people do.
    out += syl
    prev = syl
  }
  return out
}

/**
 * One key for the ways a Japanese name's sound is spelt in Latin letters: long vowels (ō, ou, oo, oh, uu),
 * Kunrei-shiki beside Hepburn (si/shi, ti/chi, tu/tsu, hu/fu, zi/ji, sya/sha), m before b, m, p ("Homma" /
 * "Honma"), case and accents.
 */
export function japaneseKey(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’\-.]/g, '')
    .replace(/sy/g, 'sh')
    .replace(/ty/g, 'ch')
    .replace(/[zj]y/g, 'j')
    .replace(/si/g, 'shi')
    .replace(/ti/g, 'chi')
    .replace(/(?<!t)tu/g, 'tsu')
    .replace(/(?<![sc])hu/g, 'fu')
    .replace(/zi|di/g, 'ji')
    .replace(/du/g, 'zu')
    .replace(/m(?=[bmp])/g, 'n')
    .replace(/oh(?![aiueoy])/g, 'o')
    .replace(/o[ou]/g, 'o')
    .replace(/uu/g, 'u')
    .replace(/aa/g, 'a')
    .replace(/ee/g, 'e')
}

/** A word that spells Japanese sounds as morae (with a doubled consonant for っ and a syllabic n); "Kim", "Li", "John" do not. */
const MORAE = /^(?:(?:([kgsztdhbpfjc])(?=\1)|t(?=ch))?(?:sh|ch|ts|[kgsztdnhbpmrjfwv]y?|y)?[aiueo]|n)+$/

export function readsAsJapanese(word: string): boolean {
  const key = japaneseKey(word)
  return key.length > 0 && key.length <= 20 && MORAE.test(key)
}

/** A word on the Japanese side: the keys it may read as, or null when no table can read it (kanji), and how many Latin words it may stand for. */
interface JapaneseWord {
  written: string
  keys: Set<string> | null
  /** how many romanised words an unread word may stand for (a given name split in two, a whole name in kanji) */
  max: number
  /** a family name found at the start of characters written together: the split is a guess (森 of 森下) */
  guessed?: boolean
}

/** The Japanese side's words: kana read, a leading kanji family name read through the table, the rest not. */
export function japaneseWords(name: string): JapaneseWord[] {
  const parts = name.normalize('NFKC').split(/[\s・]+/u).filter(Boolean)
  const out: JapaneseWord[] = []
  parts.forEach((part, at) => {
    // Script runs: "佐藤はると" is kanji, then kana.
    const runs = part.match(/\p{Script=Han}+|[\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu) ?? []
    runs.forEach((run, r) => {
      if (!HAN.test(run)) return void out.push({ written: run, keys: new Set([japaneseKey(romaniseKana(run))]), max: 1 })
      // Japanese writes the family name first: only the name's first run can be the family name.
      if (at === 0 && r === 0) {
        // Written apart, the first word is the whole family name; written together, the table's longest fit is a guess at the split.
        const apart = parts.length > 1 || runs.length > 1
        if (FAMILY_NAMES[run]) return void out.push({ written: run, keys: new Set(FAMILY_NAMES[run]), max: 1 })
        for (let len = apart ? 0 : Math.min(3, [...run].length - 1); len >= 1; len--) {
          const head = [...run].slice(0, len).join('')
          const readings = FAMILY_NAMES[head]
          if (!readings) continue
          out.push({ written: head, keys: new Set(readings), max: 1, guessed: true })
          out.push({ written: [...run].slice(len).join(''), keys: null, max: 2 })
          return
        }
        // No family name the table knows, and nothing apart: the whole name is unread.
        const whole = parts.length === 1 && runs.length === 1
        return void out.push({ written: run, keys: null, max: whole ? 3 : 2 })
      }
      out.push({ written: run, keys: null, max: 2 })
    })
  })
  return out
}

export type JapaneseComparison = { verdict: 'same' | 'cannot tell' | 'different'; why: string }

/**
 * Compare a name written in kanji/kana with one in Latin letters, in either order (see the top of this
 * file); null when the pair is not of that kind.
 */
export function compareJapaneseWritten(a: string, b: string): JapaneseComparison | null {
  const [japanese, latin] = isJapaneseWritten(a) && LATIN_WRITTEN.test(b) ? [a, b] : isJapaneseWritten(b) && LATIN_WRITTEN.test(a) ? [b, a] : [null, null]
  if (!japanese || !latin) return null
  const latinWords = latin.split(/[\s,]+/u).map(w => w.replace(/^[.'’-]+|[.'’-]+$/g, '')).filter(Boolean)
  if (!latinWords.length || latinWords.length > 4 || !latinWords.every(readsAsJapanese)) return null
  const words = japaneseWords(japanese)
  if (!words.length || words.length > 4) return null
  const keys = latinWords.map(japaneseKey)
  const known = words.filter(w => w.keys)
  const unread = words.filter(w => !w.keys)
  // Nothing read, and the Latin name spells pinyin or Wade–Giles ("Chen Hao"): the characters' Chinese
  // readings can decide that pair, so it is left to them (names.ts), not called undecidable here.
  if (!known.length && chineseReadings(latin).length) return null
  // Each read word to its own Latin word, in any order (family name first or last).
  const used = new Set<number>()
  const place = (i: number): boolean => {
    if (i === known.length) return true
    for (let j = 0; j < keys.length; j++) {
      if (used.has(j) || !known[i]!.keys!.has(keys[j]!)) continue
      used.add(j)
      if (place(i + 1)) return true
      used.delete(j)
    }
    return false
  }
  if (!place(0)) {
    // A family name guessed from the start of characters written together may be the start of a longer one
    // ("森下健" is Morishita, not Mori): a romanised word that starts with its reading leaves it open.
    const longer = known.find(w => w.guessed && keys.some(k => [...w.keys!].some(r => k.length > r.length && k.startsWith(r))))
    if (longer) return { verdict: 'cannot tell', why: `"${japanese}" may begin with a longer family name than "${longer.written}": cannot tell from the characters` }
    const missing = known.find(w => !keys.some(k => w.keys!.has(k)))
    const what = missing ? `"${missing.written}" reads ${[...missing.keys!].join('/')}` : 'the words read'
    return { verdict: 'different', why: `${what}, which is not in "${latin}"` }
  }
  const left = keys.length - used.size
  const min = unread.length
  const max = unread.reduce((n, w) => n + w.max, 0)
  if (left < min || left > max) return { verdict: 'different', why: `"${japanese}" and "${latin}" have different numbers of names` }
  const read = known.map(w => `"${w.written}" reads ${[...w.keys!][0]}`).join(', ')
  if (!unread.length) return { verdict: 'same', why: `written in kana/kanji, ${read}` }
  const unreadList = unread.map(w => `"${w.written}"`).join(', ')
  return { verdict: 'cannot tell', why: `${read ? `${read}; ` : ''}${unreadList} in kanji has several possible readings: cannot tell from the characters` }
}

function isJapaneseWritten(text: string): boolean {
  return JAPANESE_WRITTEN.test(text.normalize('NFKC').trim())
}
