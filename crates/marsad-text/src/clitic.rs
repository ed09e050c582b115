//! Clitic segmentation: و ف ب ل ك س ال before a stem, pronouns after it.
//!
//! Arabic writes conjunctions, prepositions, the article and object/possessive
//! pronouns attached to the word: وبالعراق = و + ب + ال + عراق. Splitting them
//! is what lets a gazetteer entry العراق match بالعراق and للعراق. The danger
//! is cutting stems that merely start with such letters (بغداد، والي، لبنان):
//! a lexicon of protected stems guards against that.
//!
//! Segments carry code-point offsets relative to the start of the word's
//! *original* text (diacritics included), so a caller adds the token's start.
//!
//! # Data
//!
//! Every Arabic inventory the segmenter uses is a data file in `data/text/`,
//! embedded at build time and loaded once into the shared lexicon:
//! `morphemes.tsv` (the enclitic pronouns with their ratios and roles, the
//! pronoun, agreement-ending and derivational-prefix lists, each in the order
//! the rules try them), `clitic_protected.txt`, `clitic_names.txt`,
//! `pronoun_hosts.tsv`, `clitic_fixed.tsv` and `word_freq.tsv`. What stays in
//! code is the alphabet the rules are written in: the proclitic letters
//! و ف ب ل ك س (character tests), the article [`ARTICLE`] and its fused form
//! [`FUSED_ARTICLE`], the ة/ه folding letters, and the hamza and alef letters of
//! the hamza rules, each a named constant (or a single-letter test) because
//! changing one would change the algorithm, not its vocabulary.

use crate::normalize::{normalize_str, NormalizeOptions, Normalized};

/// The normalisation the segmenter and its frequency lexicon work in: the
/// matching normalisation of [`normalize_str`] except that ة is not folded to
/// ه (a word ending in ة carries no pronoun, and كرة is not كره).
pub fn lexicon_normalize_options() -> NormalizeOptions {
    NormalizeOptions { unify_teh_marbuta: false, ..NormalizeOptions::default() }
}
use crate::lists::tagged_rows;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SegmentKind {
    /// و ف ب ل ك س
    Proclitic,
    /// The definite article ال (also the ل of لل that stands for it).
    Article,
    Stem,
    /// ه ها هم هما هن ك كم كن نا ي ني
    Enclitic,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Code-point offset in the word's original text (inclusive).
    pub start: u32,
    /// Code-point offset in the word's original text (exclusive).
    pub end: u32,
    pub kind: SegmentKind,
    /// Normalised form ("ال" for the article even when written ل in لل).
    pub form: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segmentation {
    pub segments: Vec<Segment>,
}

impl Segmentation {
    /// The stem segment (every segmentation has exactly one).
    pub fn stem(&self) -> Option<&Segment> {
        self.segments.iter().find(|s| s.kind == SegmentKind::Stem)
    }
    /// Code-point offset where the word starts once proclitics (not the article) are removed.
    pub fn after_proclitics(&self) -> u32 {
        self.segments
            .iter()
            .find(|s| s.kind != SegmentKind::Proclitic)
            .map(|s| s.start)
            .unwrap_or(0)
    }
    /// The normalised segments joined with `+` (Farasa style): "و+ب+ال+عراق".
    pub fn to_plus_string(&self) -> String {
        self.segments.iter().map(|s| s.form.as_str()).collect::<Vec<_>>().join("+")
    }
}

const PROTECTED_DATA: &str = include_str!("../../../data/text/clitic_protected.txt");
const FREQ_DATA: &str = include_str!("../../../data/text/word_freq.tsv");
const HOSTS_DATA: &str = include_str!("../../../data/text/pronoun_hosts.tsv");
const FIXED_DATA: &str = include_str!("../../../data/text/clitic_fixed.tsv");
const NAMES_DATA: &str = include_str!("../../../data/text/clitic_names.txt");
const MORPHEMES_DATA: &str = include_str!("../../../data/text/morphemes.tsv");

/// The definite article. With the proclitic letters (و ف ب ل ك س, written as
/// character tests in the rules), the ة/ه folding letters and the hamza and
/// alef letters of the hamza rules, it is the segmenter's alphabet, so it stays
/// in code; every inventory of morphemes is in `data/text/morphemes.tsv`.
pub const ARTICLE: &str = "ال";
/// The article after the preposition ل, written with one ل (للعام = ل + العام).
pub const FUSED_ARTICLE: &str = "لل";
/// The proclitic ل (also the first letter of [`FUSED_ARTICLE`]), as a segment form.
const LAM: &str = "ل";
/// The future proclitic س, as a segment form.
const SIN: &str = "س";
/// Alef, the first letter of the article (ل + ل… is looked up as ا + ل…).
const ALEF: &str = "ا";
/// Teh marbuta, which the matching normalisation folds to [`HEH`].
const TEH_MARBUTA: &str = "ة";
/// Heh: the folded form of [`TEH_MARBUTA`].
const HEH: &str = "ه";
/// The hamza on the line, written on ئ/ؤ before a pronoun (ورائها = وراء + ها).
const HAMZA: &str = "ء";
/// The prefix of the imperfective third person (يفعل), the reading a folded سا… is checked against.
const IMPERFECTIVE_PREFIX: &str = "ي";
/// Teh, the form ة takes before a pronoun (حكومته = حكومة + ه).
const TEH: char = 'ت';


/// [`Morpheme::flags`]: the pronoun ه (`heh_pronoun`) …
const M_HEH: u8 = 1;
/// … the first-person object ني (`first_person_object`) …
const M_FIRST_OBJECT: u8 = 2;
/// … a second-person object (`second_person_object`) …
const M_SECOND_OBJECT: u8 = 4;
/// … a pronoun no two-letter stem in ي/ا hosts (`no_short_host`).
const M_NO_SHORT_HOST: u8 = 8;

/// One entry of a morpheme list.
#[derive(Debug, Clone)]
struct Morpheme {
    /// Normalised form (ة kept).
    form: Box<str>,
    /// Length of `form` in characters.
    len: usize,
    /// The ratio of an enclitic (0 elsewhere).
    weight: f64,
    /// Role flags (`M_*`), from the role lists of the data file.
    flags: u8,
}

impl Morpheme {
    fn is(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// The segmenter's morpheme inventory (`data/text/morphemes.tsv`), each list
/// in file order (see the comments there for what each list is for).
#[derive(Debug, Default)]
struct Morphemes {
    enclitics: Vec<Morpheme>,
    unseen_pronouns: Vec<Morpheme>,
    family_pronouns: Vec<Morpheme>,
    family_host_pronouns: Vec<Morpheme>,
    alef_pronouns: Vec<Morpheme>,
    third_person_pronouns: Vec<Morpheme>,
    yeh_name_pronouns: Vec<Morpheme>,
    possessive_pronouns: Vec<Morpheme>,
    verb_suffixes: Vec<Morpheme>,
    inflected_endings: Vec<Morpheme>,
    plural_dual_endings: Vec<Morpheme>,
    oblique_plural_endings: Vec<Morpheme>,
    indicative_plural_endings: Vec<Morpheme>,
    verb_plural_endings: Vec<Morpheme>,
    derivational_prefixes: Vec<Morpheme>,
    kaf_particle_rests: Vec<Morpheme>,
}

impl Morphemes {
    fn parse(data: &'static str) -> Morphemes {
        let mut m = Morphemes::default();
        let mut roles: Vec<(u8, &str)> = Vec::new();
        for (list, form, weight) in tagged_rows(data) {
            let entry = Morpheme { form: form.into(), len: form.chars().count(), weight: weight.unwrap_or(0.0), flags: 0 };
            let target = match list {
                "enclitic" => &mut m.enclitics,
                "unseen_pronoun" => &mut m.unseen_pronouns,
                "family_pronoun" => &mut m.family_pronouns,
                "family_host_pronoun" => &mut m.family_host_pronouns,
                "alef_pronoun" => &mut m.alef_pronouns,
                "third_person_pronoun" => &mut m.third_person_pronouns,
                "yeh_name_pronoun" => &mut m.yeh_name_pronouns,
                "possessive_pronoun" => &mut m.possessive_pronouns,
                "verb_suffix" => &mut m.verb_suffixes,
                "inflected_ending" => &mut m.inflected_endings,
                "plural_dual_ending" => &mut m.plural_dual_endings,
                "oblique_plural_ending" => &mut m.oblique_plural_endings,
                "indicative_plural_ending" => &mut m.indicative_plural_endings,
                "verb_plural_ending" => &mut m.verb_plural_endings,
                "derivational_prefix" => &mut m.derivational_prefixes,
                "kaf_particle_rest" => &mut m.kaf_particle_rests,
                role => {
                    let flag = match role {
                        "heh_pronoun" => M_HEH,
                        "first_person_object" => M_FIRST_OBJECT,
                        "second_person_object" => M_SECOND_OBJECT,
                        "no_short_host" => M_NO_SHORT_HOST,
                        _ => 0,
                    };
                    if flag != 0 {
                        roles.push((flag, form));
                    }
                    continue;
                }
            };
            target.push(entry);
        }
        // the role flags go on every list's entry of that form
        for list in [&mut m.enclitics, &mut m.unseen_pronouns, &mut m.family_host_pronouns] {
            for e in list.iter_mut() {
                for &(flag, form) in &roles {
                    if *e.form == *form {
                        e.flags |= flag;
                    }
                }
            }
        }
        m
    }
}

/// The lexicon's string-keyed tables use the crate's fast hasher (see [`crate::fast_hash`]).
type FastMap<V> = crate::WordTable<V>;

/// Up to four letters (Arabic letters are in the Basic Multilingual Plane) in one key.
fn pack_prefix(p: &[char]) -> u64 {
    p.iter().take(4).fold(p.len() as u64, |k, &c| (k << 16) | (u64::from(u32::from(c)) & 0xFFFF))
}

/// Run `f` on the concatenation of `a` and `b`, built in a reused per-thread
/// buffer (the segmenter looks up many such forms: حكومت → حكومة، ال + word).
fn with_concat<R>(a: &str, b: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local!(static BUF: std::cell::RefCell<String> = std::cell::RefCell::new(String::with_capacity(64)));
    BUF.with(|buf| match buf.try_borrow_mut() {
        Ok(mut s) => {
            s.clear();
            s.push_str(a);
            s.push_str(b);
            f(&s)
        }
        // a nested call (a look-up that itself concatenates)
        Err(_) => f(&format!("{a}{b}")),
    })
}

/// The knowledge the segmenter works with, loaded once (shared by all threads).
struct Lexicon {
    /// Corpus frequency of each normalised word form (see `examples/build_lexicon.rs`).
    freq: FastMap<u32>,
    /// Words kept whole, folded (ة → ه), with [`KEPT_LISTED`] … [`KEPT_LISTED_HEH`] flags:
    /// the protected stems (`clitic_protected.txt`: stems that start or end with
    /// clitic-like letters), those stems with an agreement ending or a pronoun
    /// (بيانه، بحثوا), and the names (برايس، هيلينا; whole words only, see
    /// `data/text/clitic_names.txt`). One look-up answers every question.
    kept: FastMap<u8>,
    /// Host word + pronoun → (host length in chars) for short function words (منه، لها).
    host_forms: FastMap<usize>,
    /// Total frequency of the words starting with each 3-letter beginning, and
    /// with each 4-letter beginning of words starting with و (letters packed in
    /// a u64, see [`pack_prefix`]): how plausible an unseen word's start is
    /// (ويكي… is a family of its own, ينت… is common after a conjunction).
    prefix_freq: crate::fast_hash::FastMap<u64, u32>,
    /// Words with a fixed segmentation (بشأن = ب+شأن): normalised word → segment lengths.
    fixed: FastMap<Vec<u8>>,
    /// The first letters of those words.
    fixed_first: Vec<char>,
    /// The morpheme inventory (`data/text/morphemes.tsv`).
    morph: Morphemes,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let data_lines = |d: &'static str| d.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
        let mut freq = FastMap::with_capacity(100_000);
        for line in data_lines(FREQ_DATA) {
            let mut cols = line.split('\t');
            if let (Some(w), Some(c)) = (cols.next(), cols.next()) {
                if let Ok(c) = c.trim().parse::<u32>() {
                    freq.insert(w, c);
                }
            }
        }
        let mut kept: FastMap<u8> = FastMap::with_capacity(20_000);
        for name in data_lines(NAMES_DATA) {
            *kept.entry(normalize_str(name)).or_default() |= KEPT_NAME;
        }
        let morph = Morphemes::parse(MORPHEMES_DATA);
        let listed: Vec<String> = data_lines(PROTECTED_DATA).map(normalize_str).collect();
        for l in &listed {
            *kept.entry(l.clone()).or_default() |= KEPT_LISTED;
            let len = l.chars().count();
            if len >= 3 {
                for e in &morph.verb_suffixes {
                    let e = &e.form;
                    *kept.entry(format!("{l}{e}")).or_default() |= KEPT_LISTED_FORM;
                }
            }
            // a listed stem before a pronoun, and a listed word in ة (folded to ه) as ت before one
            let mut stems = vec![l.clone()];
            if let Some(base) = l.strip_suffix('ه') {
                stems.push(format!("{base}{TEH}"));
            }
            for stem in stems.iter().filter(|x| x.chars().count() >= 2) {
                for e in &morph.enclitics {
                    let flag = if e.is(M_HEH) { KEPT_LISTED_HEH } else { KEPT_LISTED_FORM };
                    let e = &e.form;
                    *kept.entry(format!("{stem}{e}")).or_default() |= flag;
                }
            }
        }
        let mut host_forms = FastMap::default();
        for line in data_lines(HOSTS_DATA) {
            let mut cols = line.split('\t');
            let (Some(host), Some(prons)) = (cols.next(), cols.next()) else { continue };
            let host = normalize_str(host.trim());
            for p in prons.split_whitespace() {
                host_forms.insert(&format!("{host}{}", normalize_str(p)), host.chars().count());
            }
        }
        let mut fixed = FastMap::default();
        for line in data_lines(FIXED_DATA) {
            let mut cols = line.split('\t');
            let (Some(word), Some(segs)) = (cols.next(), cols.next()) else { continue };
            let word = normalize_str(word.trim());
            let lens: Vec<u8> = segs.trim().split('+').map(|x| normalize_str(x).chars().count() as u8).collect();
            if lens.iter().map(|&l| l as usize).sum::<usize>() == word.chars().count() && lens.iter().all(|&l| l > 0) {
                fixed.insert(&word, lens);
            }
        }
        let mut fixed_first: Vec<char> = fixed.keys().filter_map(|k| k.chars().next()).collect();
        fixed_first.sort_unstable();
        fixed_first.dedup();
        let mut prefix_freq: crate::fast_hash::FastMap<u64, u32> = crate::fast_hash::FastMap::with_capacity_and_hasher(20_000, Default::default());
        for (w, &c) in freq.iter() {
            let mut letters = [0 as char; 4];
            let mut k = 0;
            for ch in w.chars().take(4) {
                letters[k] = ch;
                k += 1;
            }
            if k >= 3 {
                let e = prefix_freq.entry(pack_prefix(&letters[..3])).or_insert(0);
                *e = e.saturating_add(c);
            }
            if k == 4 && letters[0] == 'و' {
                let e = prefix_freq.entry(pack_prefix(&letters)).or_insert(0);
                *e = e.saturating_add(c);
            }
        }
        Lexicon { freq, kept, host_forms, prefix_freq, fixed, fixed_first, morph }
    })
}

impl Lexicon {
    fn f(&self, w: &str) -> f64 {
        self.freq.get(w).copied().unwrap_or(0) as f64
    }
    /// Frequency of the concatenation `a` + `b`.
    fn fc(&self, a: &str, b: &str) -> f64 {
        with_concat(a, b, |x| self.f(x))
    }
    /// The [`Lexicon::kept`] flags of `w` (looked up folded, ة → ه).
    fn kept_flags(&self, w: &str) -> u8 {
        if w.contains('ة') {
            with_folded(w, |k| self.kept.get(k).copied().unwrap_or(0))
        } else {
            self.kept.get(w).copied().unwrap_or(0)
        }
    }
    /// A listed stem or a name: never split.
    fn is_protected(&self, w: &str) -> bool {
        self.kept_flags(w) & (KEPT_LISTED | KEPT_NAME) != 0
    }
    /// A listed stem (not a name): kept whole before a pronoun or an agreement ending too.
    fn is_listed(&self, w: &str) -> bool {
        self.kept_flags(w) & KEPT_LISTED != 0
    }
    /// Frequency of the words starting with `p` (3 letters, or 4 starting with و).
    fn prefix(&self, p: &[char]) -> f64 {
        self.prefix_freq.get(&pack_prefix(p)).copied().unwrap_or(0) as f64
    }
    /// The listed segmentation of `w` (segment lengths), if any.
    fn fixed_segmentation(&self, w: &str) -> Option<&Vec<u8>> {
        if w.contains('ة') {
            self.fixed.get(&w.replace('ة', HEH))
        } else {
            self.fixed.get(w)
        }
    }
    /// A protected word, possibly followed by a pronoun (بيانه، التزامهم).
    fn is_protected_stem(&self, w: &str) -> bool {
        let flags = self.kept_flags(w);
        // the pronoun ه is no ة: كانة is not كان + ه
        flags & (KEPT_LISTED | KEPT_NAME | KEPT_LISTED_FORM) != 0 || flags & KEPT_LISTED_HEH != 0 && !w.ends_with('ة')
    }
}

/// [`Lexicon::kept`] flags: a listed stem (`clitic_protected.txt`) …
const KEPT_LISTED: u8 = 1;
/// … a name (`clitic_names.txt`) …
const KEPT_NAME: u8 = 2;
/// … a listed stem with an agreement ending or a pronoun other than ه …
const KEPT_LISTED_FORM: u8 = 4;
/// … a listed stem with the pronoun ه.
const KEPT_LISTED_HEH: u8 = 8;

/// Run `f` on `w` with ة folded to ه, built in a reused per-thread buffer.
fn with_folded<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local!(static BUF: std::cell::RefCell<String> = std::cell::RefCell::new(String::with_capacity(64)));
    BUF.with(|buf| match buf.try_borrow_mut() {
        Ok(mut s) => {
            s.clear();
            s.extend(w.chars().map(|c| if c == 'ة' { 'ه' } else { c }));
            f(&s)
        }
        Err(_) => f(&w.replace('ة', HEH)),
    })
}

/// Segmentation context: the lexicon, and whether the word came already
/// folded (ة → ه), in which case a final ه may stand for ة.
struct Ctx {
    lex: &'static Lexicon,
    folded: bool,
}

impl Ctx {
    fn f(&self, w: &str) -> f64 {
        let f = self.lex.f(w);
        if self.folded {
            if let Some(base) = w.strip_suffix('ه') {
                return f + self.lex.fc(base, TEH_MARBUTA);
            }
        }
        f
    }
}

/// How much more frequent than the rest a word may be and still be read as
/// clitic + rest. A clitic is split when `freq(word) <= freq(rest) * ratio`:
/// a lexical item of its own (وزير، فلسطين، بغداد، وسط) is far more frequent
/// than its would-be remainder (زير، لسطين، غداد، سط) and stays whole, while
/// وقال (19,888) against قال (10,419) or بسبب against سبب are split. The
/// ratios were set by looking at such pairs in the ANT corpus (never at the
/// segmentation test sets).
fn proclitic_ratio(c: char) -> f64 {
    match c {
        'و' => 10.0,
        'ف' => 1.0,
        'ب' => 10.0,
        'ل' => 5.0,
        'ك' => 0.5,
        'س' => 5.0,
        _ => 0.0,
    }
}


/// A two-letter word takes the article when seen with it at least 1/this as often as alone.
const SHORT_ARTICLE_SHARE: f64 = 5.0;

/// A word "takes the article" when seen with it this often.
const TAKES_ARTICLE_MIN: f64 = 10.0;

/// An unseen word is read as stem + pronoun by default only up to this stem
/// length (longer unseen words are mostly foreign names: دانيفيركه).
const UNSEEN_STEM_MAX: usize = 7;

/// The remainder of an unseen word must be seen (or estimated) this often.
const UNSEEN_MIN_REST: f64 = 1.0;


/// Frequency estimates of unseen cliticised forms scale by at most this.
const MAX_ESTIMATE_SHARE: f64 = 0.1;

/// A remainder must be at least this frequent (estimated) to be split off:
/// rare foreign names (برايس، بلغراد) are not cut on thin evidence.
const MIN_REST_FREQ: f64 = 5.0;

/// Segment one word (the original text of a [`crate::TokenKind::Word`] token).
pub fn segment_word(word: &str) -> Segmentation {
    // Fast path: a word of plain Arabic letters (no marks, tatweel or
    // presentation forms) normalises letter for letter, so offsets are the same.
    if word.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c) && c != '\u{0640}') {
        let norm = crate::normalize::normalize_str_with(word, &lexicon_normalize_options());
        if norm.chars().count() == word.chars().count() {
            let pieces = segment_normalized(&norm, false, hamza_position(word, &norm), false);
            let segments = pieces.into_iter().map(|(a, b, kind, form)| Segment { start: a as u32, end: b as u32, kind, form }).collect();
            return Segmentation { segments };
        }
    }
    let norm = Normalized::with_options(word, &lexicon_normalize_options());
    // Tanween fath (بديلاً، فرداً) marks an indefinite accusative: no preposition governs it.
    let accusative = word.trim_end_matches(|c: char| crate::chars::is_word_continuation(c) && c != '\u{064B}').ends_with(['\u{064B}']);
    let pieces = segment_normalized(norm.as_str(), false, hamza_position(word, norm.as_str()), accusative);
    let mut segments = Vec::with_capacity(pieces.len());
    for (a, b, kind, form) in pieces {
        let (s, e) = norm.to_original(a, b);
        segments.push(Segment { start: s as u32, end: e as u32, kind, form });
    }
    // Leading/trailing dropped characters (a diacritic on the first letter is
    // kept by to_original; tatweel between segments) belong to the neighbour.
    if let Some(first) = segments.first_mut() {
        first.start = 0;
    }
    if let Some(last) = segments.last_mut() {
        last.end = word.chars().count() as u32;
    }
    for i in 1..segments.len() {
        let prev_end = segments[i - 1].end;
        segments[i].start = prev_end;
        if segments[i].end < segments[i].start {
            segments[i].end = segments[i].start;
        }
    }
    Segmentation { segments }
}

/// Where the first hamzated alef (أ إ آ) of the original word stands, in
/// letters of its normalised form, when it is one of the first four letters.
/// The article is written with a plain alef (hamzat al-wasl), and stems hardly
/// ever have أ after و ف ب ل ك: so in وأكد، بأن، لأنها، الأمس، للأمم the
/// clitics end right before the hamza, and أل… (ألقى، ألوان) has no article.
/// Text written without hamzas gives no hint and falls back on frequencies.
fn hamza_position(word: &str, norm: &str) -> Option<usize> {
    let letters = word.chars().filter(|c| !crate::chars::is_word_continuation(*c) && !crate::chars::is_invisible_control(*c));
    let h = letters.take(4).position(|c| matches!(c, 'أ' | 'إ' | 'آ'))?;
    // the normalised form must agree letter for letter up to the hamza
    (norm.chars().nth(h) == Some('ا')).then_some(h)
}

/// Segment an already normalised word (e.g. `Tokens::norm(i)`); offsets are
/// code points of `norm`. The ة/ه distinction is lost in that form, so a final
/// ه is read either way (segment the original text with [`segment_word`]
/// when you have it).
pub fn segment_normalized_word(norm: &str) -> Segmentation {
    let segments = segment_normalized(norm, true, None, false)
        .into_iter()
        .map(|(a, b, kind, form)| Segment { start: a as u32, end: b as u32, kind, form })
        .collect();
    Segmentation { segments }
}

/// A normalised word with char → byte offsets, for cheap slicing.
struct Word<'a> {
    s: &'a str,
    n: usize,
    chars: [char; MAX_WORD],
    bytes: [u16; MAX_WORD + 1],
}

/// Longer words (no Arabic word is) are left whole.
const MAX_WORD: usize = 40;

impl<'a> Word<'a> {
    /// `None` when `s` has more than [`MAX_WORD`] characters.
    fn new(s: &'a str) -> Option<Self> {
        if s.len() > 4 * MAX_WORD {
            return None;
        }
        let mut w = Word { s, n: 0, chars: ['\0'; MAX_WORD], bytes: [0; MAX_WORD + 1] };
        for (b, c) in s.char_indices() {
            if w.n == MAX_WORD {
                return None;
            }
            w.chars[w.n] = c;
            w.bytes[w.n] = b as u16;
            w.n += 1;
        }
        w.bytes[w.n] = s.len() as u16;
        Some(w)
    }
    fn len(&self) -> usize {
        self.n
    }
    fn slice(&self, a: usize, b: usize) -> &'a str {
        &self.s[self.bytes[a] as usize..self.bytes[b] as usize]
    }
}

impl Ctx {
    /// Estimated frequency of `w` as a (possibly cliticised) word: its own
    /// corpus frequency, or, for an unseen form, the best estimate obtained
    /// by peeling one clitic and scaling by that clitic's (capped) ratio.
    fn estimate(&self, w: &str, depth: u8) -> f64 {
        if self.lex.host_forms.contains_key(w) {
            return self.f(w).max(1000.0);
        }
        let f = self.f(w);
        if f > 0.0 || depth == 0 {
            return f;
        }
        let mut best = 0.0f64;
        let mut it = w.chars();
        let Some(first) = it.next() else { return 0.0 };
        let rest = it.as_str();
        if rest.chars().count() >= 2 {
            let r = proclitic_ratio(first).min(MAX_ESTIMATE_SHARE);
            if r > 0.0 {
                if first == 'ل' && rest.starts_with('ل') {
                    let with_article = format!("{ALEF}{rest}");
                    best = best.max(self.estimate(&with_article, depth - 1) * r);
                } else {
                    best = best.max(self.estimate(rest, depth - 1) * r);
                }
            }
        }
        if !w.starts_with(ARTICLE) {
            best = best.max(self.enclitic_estimate(w));
        }
        best
    }

    /// Estimated frequency of `w` read as stem + pronoun (0 when no stem is known).
    fn enclitic_estimate(&self, w: &str) -> f64 {
        let mut best = 0.0f64;
        for e in &self.lex.morph.enclitics {
            if let Some(stem) = w.strip_suffix(&*e.form) {
                if stem.chars().count() >= 2 {
                    best = best.max(self.stem_freq(stem) * e.weight.min(MAX_ESTIMATE_SHARE));
                }
            }
        }
        best
    }

    /// How often `w` is seen, or could be seen, as a word without a
    /// proclitic: its own frequency, or its reading as stem + pronoun
    /// (ولادته = ولادة + ه, whatever وادته might be).
    fn own(&self, w: &str) -> f64 {
        self.f(w).max(self.enclitic_estimate(w))
    }

    /// Frequency of a stem left by removing a pronoun: حكومت stands for حكومة.
    fn stem_freq(&self, stem: &str) -> f64 {
        let f = self.f(stem);
        if let Some(base) = stem.strip_suffix('ت') {
            return f.max(self.lex.fc(base, TEH_MARBUTA));
        }
        // a final hamza sits on ئ/ؤ before a pronoun: ورائها = وراء + ها
        if let Some(base) = stem.strip_suffix(['ئ', 'ؤ']) {
            return f.max(self.lex.fc(base, HAMZA));
        }
        // the verbal ending وا drops its alef before a pronoun: تجاهلوها = تجاهلوا + ها
        if stem.ends_with('و') && stem.chars().count() >= 4 {
            return f.max(self.lex.fc(stem, ALEF));
        }
        f
    }

    /// Whether to split a clitic off a word seen (or estimated) `whole`
    /// times, leaving a word estimated at `rest_est`.
    fn accept(&self, whole: f64, rest_est: f64, ratio: f64) -> bool {
        if whole <= 0.0 {
            // an unseen word: a seen remainder is the best reading there is
            // (for the rare first/second-person clitics, a common one)
            return rest_est >= if ratio >= 1.0 { UNSEEN_MIN_REST } else { MIN_REST_FREQ };
        }
        rest_est >= MIN_REST_FREQ.min(whole.max(1.0)) && rest_est * ratio >= whole
    }

    /// Whether `w` (or its stem before a pronoun: ولادته → ولادة) is seen
    /// with the article often enough to be a noun of its own: the article
    /// never precedes a proclitic, so الوحدة، البحر، الوادي say that وحدة،
    /// بحر، وادي start with a stem letter.
    fn noun_with_article(&self, w: &str) -> bool {
        let own = self.f(w);
        let fa = self.lex.fc(ARTICLE, w);
        if fa >= 3.0 && fa * ARTICLE_BLOCK_SHARE >= own {
            return true;
        }
        for e in &self.lex.morph.third_person_pronouns {
            if let Some(stem) = w.strip_suffix(&*e.form) {
                // بريدهم: البريد says that بريد is a noun of its own
                if stem.chars().count() >= 3 {
                    let fa = self.lex.fc(ARTICLE, stem);
                    if fa >= ARTICLE_STEM_MIN && fa * ARTICLE_BLOCK_SHARE >= self.lex.f(stem) {
                        return true;
                    }
                }
                if let Some(base) = stem.strip_suffix('ت') {
                    let fa = with_concat(base, TEH_MARBUTA, |x| self.lex.fc(ARTICLE, x));
                    if fa >= 3.0 && fa * ARTICLE_BLOCK_SHARE >= self.lex.fc(base, TEH_MARBUTA) {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// Whether `w`, or its stem before a pronoun, is seen with the article.
    fn takes_article(&self, w: &str) -> bool {
        let fa = self.lex.fc(ARTICLE, w);
        // a short word must be seen with the article in a fair share of its uses (اليو is rare beside يو)
        if fa >= TAKES_ARTICLE_MIN && (w.chars().count() > 2 || fa * SHORT_ARTICLE_SHARE >= self.lex.f(w)) {
            return true;
        }
        self.lex.morph.enclitics.iter().any(|e| {
            w.strip_suffix(&*e.form).is_some_and(|stem| {
                stem.chars().count() >= 2
                    && (self.lex.fc(ARTICLE, stem) >= TAKES_ARTICLE_MIN
                        || stem.strip_suffix('ت').is_some_and(|b| with_concat(b, TEH_MARBUTA, |x| self.lex.fc(ARTICLE, x)) >= TAKES_ARTICLE_MIN))
            })
        })
    }

    /// The article blocks a pronoun: a word also seen with ال (المياه،
    /// التوجه، الاتجاه) ends in a stem letter, not in a pronoun.
    fn seen_with_article(&self, w: &str) -> bool {
        let fa = if self.folded { with_concat(ARTICLE, w, |x| self.f(x)) } else { self.lex.fc(ARTICLE, w) };
        fa >= 3.0 && fa * ARTICLE_BLOCK_SHARE >= self.f(w)
    }
}

/// A stem before a pronoun is a noun of its own when seen this often with the article.
const ARTICLE_STEM_MIN: f64 = 10.0;

/// A word seen with the article at least 1/ARTICLE_BLOCK_SHARE as often as
/// without keeps its final ه/ها/… (the article never combines with a pronoun).
const ARTICLE_BLOCK_SHARE: f64 = 20.0;

type Piece = (usize, usize, SegmentKind, String);

/// Proclitics forced by a hamza at letter `h` (see [`hamza_position`]): the
/// letters before it must read as [و|ف] [ب|ل|ك] [ال] (لل = ل + article).
/// Returns the pieces and whether they include the article.
fn hamza_prefix(w: &Word, h: usize, morph: &Morphemes) -> Option<(Vec<Piece>, bool)> {
    if h > 3 || w.len() < h + 2 {
        return None;
    }
    let c = &w.chars;
    let mut out: Vec<Piece> = Vec::new();
    let mut j = 0;
    let mut article = false;
    if j < h && matches!(c[j], 'و' | 'ف') {
        out.push((j, j + 1, SegmentKind::Proclitic, c[j].to_string()));
        j += 1;
    }
    // كأن is one particle (كأنه = كأن + ه), not ك + أن
    if j < h && matches!(c[j], 'ب' | 'ل' | 'ك') && !(c[j] == 'ك' && morph.kaf_particle_rests.iter().any(|r| w.slice(j + 1, w.len()).starts_with(&*r.form))) {
        out.push((j, j + 1, SegmentKind::Proclitic, c[j].to_string()));
        j += 1;
        if j < h && c[j - 1] == 'ل' && c[j] == 'ل' {
            out.push((j, j + 1, SegmentKind::Article, ARTICLE.into()));
            j += 1;
            article = true;
        }
    }
    if !article && j + 2 == h && c[j] == 'ا' && c[j + 1] == 'ل' {
        out.push((j, j + 2, SegmentKind::Article, ARTICLE.into()));
        j += 2;
        article = true;
    }
    (j == h).then_some((out, article))
}

/// Segment a normalised word; returns (start, end, kind, form) in normalised
/// character offsets; forms use the matching normalisation (ة → ه). Order of
/// clitics: conjunction (و ف), preposition (ب ل ك) or future (س), article
/// (ال), stem, pronoun. `hamza`: see [`hamza_position`].
fn segment_normalized(s: &str, folded: bool, hamza: Option<usize>, accusative: bool) -> Vec<Piece> {
    let cx = Ctx { lex: lexicon(), folded };
    let lex = cx.lex;
    let Some(w) = Word::new(s) else {
        return vec![(0, s.chars().count(), SegmentKind::Stem, s.replace('ة', HEH))];
    };
    let n = w.len();
    let form = |a: usize, b: usize| -> String { w.slice(a, b).replace('ة', HEH) };
    let mut out: Vec<Piece> = Vec::with_capacity(4);
    // A listed word or name is kept whole, unless the original text has a
    // hamza right after clitic letters (لأيدي is ل+أيدي whatever لايدي may
    // be); for a listed word only a hamza after و/ف counts (وإلى is و+إلى,
    // not والي; كأس stays whole).
    let hamza_clitics = || hamza.is_some_and(|h| h >= 1 && h < n && (hamza_prefix(&w, h, &lex.morph).is_some() || w.chars[..h].iter().all(|c| matches!(c, 'و' | 'ف' | 'س'))));
    let conj_hamza = || hamza == Some(1) && matches!(w.chars[0], 'و' | 'ف');
    if n < 2 || lex.is_protected(s) && !(if lex.is_listed(s) { conj_hamza() } else { hamza_clitics() }) || !w.chars[..n].iter().all(|c| crate::chars::is_arabic_letter(*c)) {
        out.push((0, n, SegmentKind::Stem, form(0, n)));
        return out;
    }
    // The same hamza lets a name starting at clitic letters be split further on (فسأكون).
    let names_off = hamza_clitics();
    let protected_at = |x: &str, pos: usize| lex.is_protected_stem(x) && !(names_off && hamza.is_some_and(|h| h > pos) && !lex.is_listed(x));
    // A word with a listed segmentation, possibly after و/ف.
    for skip in [0usize, 1] {
        if skip == 1 && !(n > 3 && matches!(w.chars[0], 'و' | 'ف')) {
            break;
        }
        if !lex.fixed_first.contains(&w.chars[skip]) {
            continue;
        }
        if let Some(lens) = lex.fixed_segmentation(w.slice(skip, n)) {
            if skip == 1 {
                out.push((0, 1, SegmentKind::Proclitic, w.chars[0].to_string()));
            }
            let mut at = skip;
            let last = lens.len() - 1;
            for (k, &l) in lens.iter().enumerate() {
                let (a, b) = (at, at + l as usize);
                let text = form(a, b);
                let kind = if k == last {
                    SegmentKind::Stem
                } else if text == ARTICLE {
                    SegmentKind::Article
                } else {
                    SegmentKind::Proclitic
                };
                out.push((a, b, kind, if kind == SegmentKind::Article { ARTICLE.into() } else { text }));
                at = b;
            }
            return out;
        }
    }
    let mut i = 0usize;
    let mut has_article = false;
    // A hamzated alef right after clitic letters ends the clitics; a word
    // starting with one has none (and no article).
    let mut prefix_fixed = false;
    if let Some(h) = hamza {
        if let Some((pieces, art)) = hamza_prefix(&w, h, &lex.morph) {
            out = pieces;
            i = h;
            has_article = art;
            prefix_fixed = true;
        }
    }
    // ال after an optional ب/ك, or لل: almost always the article.
    let starts_definite = |x: &str| {
        let x = x.strip_prefix(['ب', 'ك']).unwrap_or(x);
        (x.starts_with(ARTICLE) || x.starts_with(FUSED_ARTICLE)) && x.chars().count() >= 4
    };
    // Conjunction.
    if !prefix_fixed && n >= 3 && matches!(w.chars[0], 'و' | 'ف') && !lex.host_forms.contains_key(s) && !protected_at(s, 0) {
        let c = w.chars[0];
        let rest = w.slice(1, n);
        let definite = starts_definite(rest) && !lex.is_protected_stem(rest);
        let rest_est = cx.estimate(rest, 3);
        // the reading without a conjunction (computed only when it matters)
        let whole = if definite || rest_est > 0.0 || cx.f(s) <= 0.0 { cx.own(s) } else { cx.f(s) };
        let ratio = proclitic_ratio(c);
        let mut split = if definite {
            whole < MIN_REST_FREQ || rest_est * ratio * short_rest_factor(n - 1) >= whole
        } else if whole <= 0.0 {
            // an unseen word: split when the rest is known, or when it is long
            // and ends like an inflected Arabic word (وعرقلوا، ويشعلون، ومراهقان)
            // rather than like a foreign name (ويكيميديا، وينتور)
            rest_est >= MIN_REST_FREQ
                || (c == 'و' && n >= 5 && (rest_est > 0.0 || inflected_ending(&lex.morph, rest) || {
                    // compare how common the word's start is with and without و
                    let pw = lex.prefix(&w.chars[0..4]);
                    let pr = lex.prefix(&w.chars[1..4]);
                    pr * UNSEEN_CONJ_PREFIX_RATIO >= pw
                }))
        } else {
            cx.accept(whole, rest_est, ratio * short_rest_factor(n - 1))
        };
        // a word seen often whose remainder is never seen alone (nor is a noun) is a word of its own
        if split && !definite && cx.f(s) >= FREQUENT_WHOLE && cx.f(rest) <= 0.0 && !lex.host_forms.contains_key(rest) && !cx.takes_article(rest) {
            split = false;
        }
        if split && !definite && !lex.host_forms.contains_key(rest) && cx.noun_with_article(s) {
            split = false;
        }
        if split {
            out.push((0, 1, SegmentKind::Proclitic, c.to_string()));
            i = 1;
        }
    }
    // Preposition or future particle.
    if !prefix_fixed && n - i >= 3 && !lex.host_forms.contains_key(w.slice(i, n)) && !protected_at(w.slice(i, n), i) {
        let here = w.slice(i, n);
        let c = w.chars[i];
        // ل before a word starting with ل that never takes the article (للبنان، لليبيا،
        // لليفربول): the second ل is the word's
        let l_word = c == 'ل' && w.chars[i + 1] == 'ل' && n - i >= 4 && {
            let lx = w.slice(i + 1, n);
            let f = cx.f(lx);
            // لX is a word (لبنان), rarely with the article, and far more common than ال + X (البنان)
            (f >= MIN_REST_FREQ || lex.is_protected(lx))
                && cx.lex.fc(ARTICLE, lx) * ARTICLE_BLOCK_SHARE < f.max(1.0)
                && cx.lex.fc(ALEF, lx) * ARTICLE_BLOCK_SHARE < f.max(1.0)
                // and not itself ل + X (لمناقشة: للمناقشة is ل+ال+مناقشة)
                && cx.f(w.slice(i + 2, n)) < f.max(1.0)
        };
        if l_word {
            out.push((i, i + 1, SegmentKind::Proclitic, LAM.into()));
            i += 1;
        } else if c == 'ل' && w.chars[i + 1] == 'ل' && n - i >= 4 {
            // لل = ل + ال: the second ل is the article.
            out.push((i, i + 1, SegmentKind::Proclitic, LAM.into()));
            out.push((i + 1, i + 2, SegmentKind::Article, ARTICLE.into()));
            i += 2;
            has_article = true;
        } else if matches!(c, 'ب' | 'ل' | 'ك') {
            let rest = w.slice(i + 1, n);
            let definite = rest.starts_with(ARTICLE) && n - i > 4 && !lex.is_protected_stem(rest);
            // ك does not govern a pronoun-bearing function word (كلها is كل+ها).
            let host_rest = c == 'ك' && lex.host_forms.contains_key(rest);
            let whole = cx.own(here);
            let mut split = !host_rest
                && !accusative
                && (definite && (whole < MIN_REST_FREQ || cx.estimate(rest, 2) > 0.0) || !definite && {
                    let rest_est = cx.estimate(rest, 2);
                    if whole <= 0.0 {
                        // an unseen word: a known rest, or ل before an imperfective verb,
                        // ب/ل before a verbal noun or participle (لتصمم، باشتراع)
                        let r0 = w.chars[i + 1];
                        rest_est >= MIN_REST_FREQ
                            // a noun seen with the article, here before a pronoun (بعثورهم)
                            || n - i >= 5 && c != 'ك' && cx.takes_article(rest)
                            || n - i >= 5
                                && match c {
                                // ل governs the subjunctive: ليفعلوا, never ليفعلون (لينونيون is a name)
                                'ل' => matches!(r0, 'ي' | 'ت' | 'ن') && !lex.morph.indicative_plural_endings.iter().any(|e| rest.ends_with(&*e.form)) || r0 == 'م' || ifti_al(rest),
                                'ب' => matches!(r0, 'م' | 'ت') || ifti_al(rest),
                                _ => false,
                            }
                    } else {
                        cx.accept(whole, rest_est, proclitic_ratio(c) * short_rest_factor(n - i - 1))
                    }
                });
            if split && !definite && cx.noun_with_article(here) {
                split = false;
            }
            if split && !definite && whole > 0.0 && n - i >= 4 && (accusative_reading(&cx, &w, i) || name_like_rest(&cx, &w, i, whole) || cx.f(here) >= FREQUENT_WHOLE && cx.f(rest) <= 0.0 && !cx.takes_article(rest)) {
                split = false;
            }
            // A preposition before a word starting with a long vowel letter
            // (ب+يوم، ل+اتخاذ، ك+وسيلة) needs a remainder that is a noun, one
            // seen with the article: بيو، بوغاز، لاين are names.
            let rest = w.slice(i + 1, n);
            let verbal_noun = ifti_al(rest) || lex.morph.derivational_prefixes.iter().any(|p| rest.starts_with(&*p.form));
            // (a listed word or name is a word of its own: بواشنطن، بيوسف)
            if split && !definite && whole > 0.0 && !verbal_noun && (matches!(w.chars[i + 1], 'ا' | 'و') || c != 'ل' && w.chars[i + 1] == 'ي') && !cx.takes_article(rest) && !lex.is_protected(rest) {
                split = false;
            }
            // A preposition never precedes the conjunction: when the remainder
            // reads as و + word (ويمر = و+يمر، وغاز = و+غاز), the word is no
            // preposition + remainder but a name (بويمر، بوغاز).
            if split && !definite && w.chars[i + 1] == 'و' && n - i >= 4 && !cx.takes_article(rest) && starts_with_conjunction(rest, cx.folded) {
                split = false;
            }
            if split {
                out.push((i, i + 1, SegmentKind::Proclitic, c.to_string()));
                i += 1;
            }
        } else if c == 'س' && n - i >= 4 && matches!(w.chars[i + 1], 'ي' | 'ت' | 'ن' | 'ا') {
            let rest = w.slice(i + 1, n);
            let rest_est = cx.estimate(rest, 1);
            // a three-letter remainder must be a frequent verb (سيتم، سيعد), not سيدا
            let short_ok = n - i >= 5 || rest_est >= SHORT_FUTURE_MIN;
            let whole = cx.own(here);
            // an unseen long verb with agreement endings: سيستغرقون، سيسوقون
            let unseen_verb = whole <= 0.0 && n - i >= 6 && w.chars[i + 1] != 'ا' && lex.morph.verb_plural_endings.iter().any(|e| rest.ends_with(&*e.form));
            // The first person (سأفعل) is written with a hamza: a plain alef after
            // س starts a stem (ساهم، سانا، ساعدت). Without the original text
            // (a folded word), the third person of the verb must be known (يفعل).
            let first_person_ok = w.chars[i + 1] != 'ا'
                || if cx.folded { with_concat(IMPERFECTIVE_PREFIX, w.slice(i + 2, n), |x| cx.f(x)) >= MIN_REST_FREQ } else { hamza == Some(i + 1) };
            // a word seen often whose remainder is never seen alone is a name (سيدني، سيرينا)
            let name_like = cx.f(here) >= FREQUENT_WHOLE && cx.f(rest) <= 0.0;
            if first_person_ok && !name_like && (unseen_verb || short_ok && cx.accept(whole, rest_est, proclitic_ratio(c))) {
                out.push((i, i + 1, SegmentKind::Proclitic, SIN.into()));
                i += 1;
            }
        }
    }
    // A short function word with its pronoun: منه، لها، عليهم، إليها.
    if !has_article {
        if let Some(&host_len) = lex.host_forms.get(w.slice(i, n)) {
            out.push((i, i + host_len, SegmentKind::Stem, form(i, i + host_len)));
            out.push((i + host_len, n, SegmentKind::Enclitic, form(i + host_len, n)));
            return out;
        }
    }
    // Article.
    if !prefix_fixed && !has_article && n - i >= 4 && w.chars[i] == 'ا' && w.chars[i + 1] == 'ل' && !lex.is_protected_stem(w.slice(i, n)) {
        out.push((i, i + 2, SegmentKind::Article, ARTICLE.into()));
        i += 2;
        has_article = true;
    }
    let here = w.slice(i, n);
    // Enclitic pronoun (never after the article: الكتابه is not Arabic).
    let mut end = n;
    let pronoun_letter = matches!(w.chars[n - 1], 'ه' | 'ا' | 'م' | 'ن' | 'ك' | 'ي');
    if !has_article && pronoun_letter && n - i >= 3 && !lex.is_protected(here) {
        let whole = cx.f(here);
        for enc in &lex.morph.enclitics {
            let (e, el, r) = (&*enc.form, enc.len, enc.weight);
            // tanween fath on the final alef (أماناً) is the accusative ending, no نا/ها
            // the object ني needs a stem of three letters (جوني is no جو+ني, ابني
            // is ابن+ي; short hosts such as مني، عني are listed)
            let min_stem = if enc.is(M_FIRST_OBJECT) { 3 } else { 2 };
            if n - i < el + min_stem || !here.ends_with(e) || accusative && e.ends_with('ا') {
                continue;
            }
            let stem = w.slice(i, n - el);
            // after an imperfective verb (يمكنك، يعطيني) a second-person or
            // first-person object is far likelier than a stem letter
            let r = if r < IMPERFECTIVE_OBJECT_RATIO && w.chars[i] == 'ي' && (n - el - i >= 4 && enc.is(M_SECOND_OBJECT) || n - el - i >= 3 && enc.is(M_FIRST_OBJECT)) { IMPERFECTIVE_OBJECT_RATIO } else { r };
            // … and ني after a perfect verb in ت (أخبرتني، منحتني)
            let r = if r < IMPERFECTIVE_OBJECT_RATIO && enc.is(M_FIRST_OBJECT) && n - el - i >= 4 && w.chars[n - el - 1] == 'ت' { IMPERFECTIVE_OBJECT_RATIO } else { r };
            // ه after a stem in ي that is no noun (أندريه، خوسيه): a name ending in -يه
            if enc.is(M_HEH) && name_in_yeh(&cx, stem) {
                continue;
            }
            // a two-letter stem in ي or ا (جي، سي، ما) is no host of نا/ك: جينا، سينا،
            // ماك are names (the short hosts فينا، لدينا are listed)
            if stem.chars().count() == 2 && stem.ends_with(['ي', 'ا']) && enc.is(M_NO_SHORT_HOST) {
                continue;
            }
            if cx.accept(whole, cx.stem_freq(stem), r) {
                end = n - el;
                break;
            }
        }
        // An unseen word ending in a third-person pronoun after a stem of three
        // letters or more is read as stem + pronoun (يعاونه، عثورهم): the pronoun
        // is the likeliest reading of a rare form (not after ي/ا/و: أندريه).
        if end == n && whole <= 0.0 {
            for enc in &lex.morph.unseen_pronouns {
                let (e, el) = (&*enc.form, enc.len);
                if here.ends_with(e) && n - i >= el + 3 && n - i <= el + UNSEEN_STEM_MAX && !(enc.is(M_HEH) && matches!(w.chars[n - 2], 'ي' | 'ا' | 'و')) && !(accusative && e.ends_with('ا')) {
                    end = n - el;
                    break;
                }
            }
        }
        // A stem seen with several different pronouns is a stem even when it is
        // rare alone: انفسهم، انفسنا، انفسكم (انفس is hardly ever bare).
        if end == n && whole > 0.0 {
            let family = |stem: &str| lex.morph.family_pronouns.iter().filter(|p| cx.lex.fc(stem, &p.form) >= FAMILY_MIN).count();
            // not an accusative (متجها، اعلانا: متجه، اعلان)
            let accusative_form = w.chars[n - 1] == 'ا' && !lex.morph.alef_pronouns.iter().any(|p| here.ends_with(&*p.form)) && cx.f(w.slice(i, n - 1)) >= whole;
            for enc in &lex.morph.family_host_pronouns {
                let (e, el) = (&*enc.form, enc.len);
                if !here.ends_with(e) || n - i < el + 3 || (accusative || accusative_form) && e.ends_with('ا') {
                    continue;
                }
                let stem = w.slice(i, n - el);
                // the whole word must not be a pronoun host itself (واجه: واجهه، واجهها)
                if family(stem) >= FAMILY_SIZE && family(here) < FAMILY_SIZE && !cx.seen_with_article(here) {
                    end = n - el;
                }
                break;
            }
        }
        // First-person ي after a feminine noun: حياتي = حياة + ي.
        if end == n && n - i >= 4 && w.chars[n - 1] == 'ي' && w.chars[n - 2] == 'ت' {
            let base = w.slice(i, n - 2);
            if cx.accept(whole, cx.lex.fc(base, TEH_MARBUTA), MY_AFTER_TEH_RATIO) {
                end = n - 1;
            }
        }
        // First-person ي after a noun: هاتفي = هاتف + ي, when the noun is far more frequent.
        if end == n && n - i >= 4 && w.chars[n - 1] == 'ي' && w.chars[n - 2] != 'ي' {
            let stem = w.slice(i, n - 1);
            if cx.accept(whole, cx.stem_freq(stem), MY_RATIO) {
                end = n - 1;
            } else if whole > 0.0 && cx.stem_freq(stem) >= MIN_REST_FREQ {
                // a noun that takes pronouns (هاتفه، هاتفها) takes ي as one too;
                // a nisba adjective (عربي) is not seen as عربه، عربها
                let with_pronouns = lex.morph.possessive_pronouns.iter().fold(0.0, |sum, p| sum + cx.lex.fc(stem, &p.form));
                if with_pronouns >= whole {
                    end = n - 1;
                }
            }
        }
        if end < n && cx.seen_with_article(here) {
            end = n;
        }
    }
    out.push((i, end, SegmentKind::Stem, form(i, end)));
    if end < n {
        out.push((end, n, SegmentKind::Enclitic, form(end, n)));
    }
    out
}

/// The word at `i` (a preposition letter + rest) ending in ا reads as the
/// indefinite accusative of a word (بديلا، بحرا، لجانا: بديل، بحر، لجان) at
/// least as often as the rest is seen: a preposition governs no accusative.
fn accusative_reading(cx: &Ctx, w: &Word, i: usize) -> bool {
    let n = w.len();
    // not the pronouns ها، نا (بدورها، لكنا)
    if w.chars[n - 1] != 'ا' || n - i < 5 || matches!(w.chars[n - 2], 'ه' | 'ن') || w.chars[n - 2] == 'م' && w.chars[n - 3] == 'ه' {
        return false;
    }
    // the base must not itself read as preposition + word (لكلا: لكل = ل+كل)
    let base = cx.f(w.slice(i, n - 1));
    base >= cx.f(w.slice(i + 1, n)).max(MIN_REST_FREQ) && base >= cx.f(w.slice(i + 1, n - 1))
}

/// Whether the rest after the preposition at `i` looks like a name (ريدج in
/// بريدج، لال in بلال، ميس in لميس): a word never seen with the article or
/// with a pronoun, not a feminine noun in ة, a verb or a verbal noun. Such a
/// rest must be at least as frequent as the whole word to be split off
/// (ب + a name is far rarer than the name: بترامب، بموسكو).
fn name_like_rest(cx: &Ctx, w: &Word, i: usize, whole: f64) -> bool {
    let n = w.len();
    let c = w.chars[i];
    let r0 = w.chars[i + 1];
    if c == 'ك' || w.chars[n - 1] == 'ة' || matches!(r0, 'ا' | 'ي' | 'ت' | 'ن') || c == 'ل' && r0 == 'م' {
        return false;
    }
    let rest = w.slice(i + 1, n);
    // plural and dual endings (لسببين، بمخالفات)
    if cx.lex.morph.plural_dual_endings.iter().any(|e| rest.ends_with(&*e.form)) {
        return false;
    }
    let fr = cx.f(rest);
    if fr <= 0.0 || fr >= whole * NAME_REST_RATIO {
        return false;
    }
    let mut noun = cx.lex.fc(ARTICLE, rest);
    for e in &cx.lex.morph.third_person_pronouns {
        noun += cx.lex.fc(rest, &e.form);
    }
    // no stem + pronoun (جهتي = جهة + ي)
    let my = rest.strip_suffix('ي').is_some_and(|stem| stem.chars().count() >= 2 && cx.stem_freq(stem) >= MIN_REST_FREQ);
    noun * NAME_NOUN_SHARE <= fr && !my && cx.enclitic_estimate(rest) <= 0.0
}

/// A name-like rest (see [`name_like_rest`]) is split off only when at least this many times as
/// frequent as the whole word.
const NAME_REST_RATIO: f64 = 1.0;

/// A rest seen with the article or a pronoun at least 1/this as often as alone is a noun.
const NAME_NOUN_SHARE: f64 = 10.0;

/// Whether `stem` + ه reads as a name ending in -يه (أندريه، خوسيه، بيليه)
/// rather than stem + pronoun: the stem ends in ي and is no noun seen with the
/// article or with other pronouns, no imperfective verb (يبقيه، تدعيه) and no
/// dual or plural in construct of a noun (زميليه، معاونيه: الزميل، المعاون).
fn name_in_yeh(cx: &Ctx, stem: &str) -> bool {
    let Some(base) = stem.strip_suffix('ي') else { return false };
    let len = stem.chars().count();
    !(cx.takes_article(stem)
        || cx.lex.morph.yeh_name_pronouns.iter().any(|p| cx.lex.fc(stem, &p.form) >= FAMILY_MIN)
        || len >= 4 && stem.starts_with(['ي', 'ت', 'ن'])
        || base.chars().count() >= 3
            && (cx.takes_article(base)
                || cx.lex.morph.oblique_plural_endings.iter().any(|e| cx.lex.fc(base, &e.form) >= TAKES_ARTICLE_MIN)
                || base.strip_suffix('ت').is_some_and(|b| with_concat(b, TEH_MARBUTA, |x| cx.lex.fc(ARTICLE, x)) >= TAKES_ARTICLE_MIN)))
}

/// Whether the segmenter reads `w` (normalised) as starting with the conjunction و/ف.
fn starts_with_conjunction(w: &str, folded: bool) -> bool {
    segment_normalized(w, folded, None, false).first().is_some_and(|p| p.2 == SegmentKind::Proclitic && p.1 == 1 && matches!(p.3.chars().next(), Some('و' | 'ف')))
}

/// The verbal noun of form VIII (افتعال: اشتراع، اطراد، اكتشاف) after a preposition.
fn ifti_al(w: &str) -> bool {
    let mut c = w.chars();
    c.next() == Some('ا') && c.next().is_some() && c.next() == Some('ت') && w.chars().count() >= 5
}

/// Endings of inflected Arabic words (verb agreement, plurals, duals, ة,
/// pronouns): an unseen word with one is more likely Arabic than a foreign name.
fn inflected_ending(morph: &Morphemes, w: &str) -> bool {
    morph.inflected_endings.iter().any(|e| w.ends_with(&*e.form))
}

/// Short remainders (حر in بحر، ذا in لذا) are ambiguous: the ratio of a
/// proclitic shrinks by this factor before a remainder of 2 or 3 letters.
fn short_rest_factor(rest_len: usize) -> f64 {
    match rest_len {
        0..=2 => 0.3,
        3 => 0.5,
        _ => 1.0,
    }
}

/// An unseen word starting with و is read as و + rest when the rest's first
/// three letters start (in the lexicon) at least 1/this as many words as the
/// word's first four: ينت… (وينتور) is common, يكي… (ويكيميديا) is not.
const UNSEEN_CONJ_PREFIX_RATIO: f64 = 0.1;

/// هاتفي is split (هاتف + ي) when هاتف is at least 1/this as frequent: ي is
/// also the nisba ending (عربي، دولي), far more common in news.
const MY_RATIO: f64 = 0.02;

/// The ratio of a second-person (or first-person ني) pronoun after a stem starting with ي.
const IMPERFECTIVE_OBJECT_RATIO: f64 = 0.5;


/// A stem is a pronoun host when seen with at least this many of [`FAMILY_PRONOUNS`] …
const FAMILY_SIZE: usize = 3;

/// … each at least this often.
const FAMILY_MIN: f64 = 3.0;

/// A word seen this often is not split off a remainder that is never seen alone.
const FREQUENT_WHOLE: f64 = 20.0;

/// A future س before a three-letter remainder needs this frequent a remainder.
const SHORT_FUTURE_MIN: f64 = 100.0;

/// حياتي is split when حياة is at least 1/this as frequent.
const MY_AFTER_TEH_RATIO: f64 = 1.0;

/// A bounded memo of [`segment_word`] results for one thread.
///
/// News vocabulary is Zipfian: a few thousand word forms make up most
/// tokens, so segmenting each distinct form once pays off on any real
/// corpus, not only on repeated text. The memo is keyed by the exact
/// original word (diacritics included, since offsets depend on them) and
/// is cleared when it reaches its capacity, so memory stays bounded.
#[derive(Debug)]
pub struct SegmentCache {
    /// word → index into `values` (one hash look-up per cached word).
    map: FastMap<u32>,
    values: Vec<Segmentation>,
    capacity: usize,
}

impl SegmentCache {
    /// A memo holding at most `capacity` distinct words.
    pub fn new(capacity: usize) -> Self {
        let reserve = capacity.min(1 << 16);
        SegmentCache {
            map: FastMap::with_capacity(reserve),
            values: Vec::with_capacity(reserve),
            capacity: capacity.clamp(1, u32::MAX as usize),
        }
    }

    /// The segmentation of `word`, as [`segment_word`] gives it.
    pub fn segment(&mut self, word: &str) -> &Segmentation {
        if let Some(&k) = self.map.get(word) {
            return &self.values[k as usize];
        }
        if self.values.len() >= self.capacity {
            self.map.clear();
            self.values.clear();
        }
        self.map.insert(word, self.values.len() as u32);
        self.values.push(segment_word(word));
        &self.values[self.values.len() - 1]
    }
}

impl Default for SegmentCache {
    fn default() -> Self {
        SegmentCache::new(200_000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_morpheme_inventory_is_loaded_normalised_and_ordered() {
        let m = &lexicon().morph;
        let lists: [(&str, &Vec<Morpheme>); 16] = [
            ("enclitic", &m.enclitics),
            ("unseen_pronoun", &m.unseen_pronouns),
            ("family_pronoun", &m.family_pronouns),
            ("family_host_pronoun", &m.family_host_pronouns),
            ("alef_pronoun", &m.alef_pronouns),
            ("third_person_pronoun", &m.third_person_pronouns),
            ("yeh_name_pronoun", &m.yeh_name_pronouns),
            ("possessive_pronoun", &m.possessive_pronouns),
            ("verb_suffix", &m.verb_suffixes),
            ("inflected_ending", &m.inflected_endings),
            ("plural_dual_ending", &m.plural_dual_endings),
            ("oblique_plural_ending", &m.oblique_plural_endings),
            ("indicative_plural_ending", &m.indicative_plural_endings),
            ("verb_plural_ending", &m.verb_plural_endings),
            ("derivational_prefix", &m.derivational_prefixes),
            ("kaf_particle_rest", &m.kaf_particle_rests),
        ];
        for (name, list) in lists {
            assert!(!list.is_empty(), "{name} is empty");
            for e in list.iter() {
                assert_eq!(*e.form, crate::normalize::normalize_str_with(&e.form, &lexicon_normalize_options()), "{name}: {} is not normalised", e.form);
                assert_eq!(e.len, e.form.chars().count());
            }
        }
        // the loops that stop at the first match try a longer pronoun before its suffix (هما before ها، هم before ه)
        for (name, list) in [("enclitic", &m.enclitics), ("unseen_pronoun", &m.unseen_pronouns), ("family_host_pronoun", &m.family_host_pronouns)] {
            for (k, a) in list.iter().enumerate() {
                for b in &list[k + 1..] {
                    assert!(!b.form.ends_with(&*a.form), "{name}: {} comes before {}", a.form, b.form);
                }
            }
        }
        let forms = |l: &Vec<Morpheme>| l.iter().map(|e| e.form.to_string()).collect::<Vec<_>>();
        assert_eq!(forms(&m.enclitics), ["هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك"]);
        assert_eq!(m.enclitics.iter().map(|e| e.weight).collect::<Vec<_>>(), [6.0, 0.06, 6.0, 1.0, 30.0, 0.15, 0.06, 0.3, 0.06, 30.0, 0.06]);
        assert_eq!(forms(&m.unseen_pronouns), ["هما", "هم", "ها", "ه"]);
        assert_eq!(forms(&m.family_host_pronouns), ["هما", "هم", "ها", "كم", "نا", "ه"]);
        // the roles: one pronoun ه, one first-person object, second-person objects, each an enclitic
        let with = |flag: u8| m.enclitics.iter().filter(|e| e.is(flag)).map(|e| e.form.to_string()).collect::<Vec<_>>();
        assert_eq!(with(M_HEH), ["ه"]);
        assert_eq!(with(M_FIRST_OBJECT), ["ني"]);
        assert_eq!(with(M_SECOND_OBJECT), ["كما", "كم", "ك"]);
        assert_eq!(with(M_NO_SHORT_HOST), ["كم", "كن", "نا", "ك"]);
        assert!(m.unseen_pronouns.iter().any(|e| e.is(M_HEH)));
    }


    fn seg(w: &str) -> String {
        segment_word(w).to_plus_string()
    }

    #[test]
    fn a_hamza_ends_the_proclitics() {
        assert_eq!(seg("وأعلن"), "و+اعلن");
        assert_eq!(seg("بأنه"), "ب+ان+ه");
        assert_eq!(seg("لأنهم"), "ل+ان+هم");
        assert_eq!(seg("للأمم"), "ل+ال+امم");
        assert_eq!(seg("بالأمس"), "ب+ال+امس");
        // أل… carries no article: the article is written with a plain alef
        assert_eq!(seg("ألغى"), "الغي");
        // كأن is one particle
        assert_eq!(seg("كأنهم"), "كان+هم");
    }

    #[test]
    fn the_article_blocks_a_pronoun_and_a_proclitic() {
        // الاتجاه is common: the final ه of اتجاه is no pronoun
        assert_eq!(seg("اتجاه"), "اتجاه");
        // الوسيلة is common: وسيلة does not start with the conjunction
        assert_eq!(seg("وسيلة"), "وسيله");
        // … but a real conjunction before such a noun is still split
        assert_eq!(seg("وولادتها"), "و+ولادت+ها");
    }

    #[test]
    fn stems_change_before_a_pronoun() {
        assert_eq!(seg("وراءها"), "وراء+ها");
        assert_eq!(seg("ورائها"), "ورائ+ها");
        assert_eq!(seg("وتجاهلوها"), "و+تجاهلو+ها");
        assert_eq!(seg("حياتي"), "حيات+ي");
    }

    #[test]
    fn listed_words_and_names() {
        assert_eq!(seg("وبشأن"), "و+ب+شان");
        assert_eq!(seg("بشأن"), "ب+شان");
        // a foreign name from the name lists is not ب + something
        assert_eq!(seg("بيرنز"), "بيرنز");
        // a protected verb keeps its agreement ending
        assert_eq!(seg("بحثوا"), "بحثوا");
    }

    #[test]
    fn first_person_ya_after_nouns_not_nisba() {
        assert_eq!(seg("زملائي"), "زملائ+ي");
        assert_eq!(seg("بيتي"), "بيت+ي");
        assert_eq!(seg("عائلتي"), "عائلت+ي");
        assert_eq!(seg("سياسي"), "سياسي");
        assert_eq!(seg("اقتصادي"), "اقتصادي");
    }

    #[test]
    fn tanween_fath_rules_out_a_preposition() {
        assert_eq!(seg("كثيراً"), "كثيرا");
    }

    #[test]
    fn unseen_words() {
        // an unseen verb after و and س
        assert_eq!(seg("سيواجهون"), "س+يواجهون");
        // a long unseen word whose start is common after و
        assert!(seg("وتزاحمت").starts_with("و+"));
    }

    #[test]
    fn no_preposition_before_a_conjunction() {
        // لوبين: وبين reads as و+بين, and ب/ل never precede و
        assert_eq!(seg("لوبين"), "لوبين");
        // a noun starting with و still takes a preposition
        assert_eq!(seg("بوزارة"), "ب+وزاره");
    }

    #[test]
    fn future_sin_before_alef_needs_a_hamza() {
        assert_eq!(seg("سأعلن"), "س+اعلن");
        assert_eq!(seg("فسأكون"), "ف+س+اكون");
        assert_eq!(seg("ساعدت"), "ساعدت");
        assert_eq!(seg("ساهم"), "ساهم");
        // a folded word (no hamza information) needs the third person of the verb
        assert_eq!(segment_normalized_word("سانت").to_plus_string(), "سانت");
        assert_eq!(segment_normalized_word("ساعلن").to_plus_string(), "س+اعلن");
    }

    #[test]
    fn place_names_and_hamza_after_clitics() {
        // GeoNames place names that start with clitic letters
        assert_eq!(seg("فلورانس"), "فلورانس");
        assert_eq!(seg("ويلنغتون"), "ويلنغتون");
        // a hamza right after the clitic letters overrides the lists
        assert_eq!(seg("لأيدي"), "ل+ايدي");
        assert_eq!(seg("وإلى"), "و+الي");
        assert_eq!(seg("والي"), "والي");
        assert_eq!(seg("كأس"), "كاس");
    }

    #[test]
    fn accusatives_and_names_after_prepositions() {
        // indefinite accusatives: no preposition governs them
        assert_eq!(seg("بديلا"), "بديلا");
        assert_eq!(seg("بحرا"), "بحرا");
        assert_eq!(seg("كلاما"), "كلاما");
        // a rest never seen with the article or a pronoun is a name part
        assert_eq!(seg("بلال"), "بلال");
        assert_eq!(seg("بريدج"), "بريدج");
        // … while ب + a frequent name is split
        assert_eq!(seg("بترامب"), "ب+ترامب");
        assert_eq!(seg("بقرار"), "ب+قرار");
        // a frequent word whose rest is never seen alone
        assert_eq!(seg("سيدني"), "سيدني");
        assert_eq!(seg("فقدنا"), "فقد+نا");
        // a short rest must take the article often enough to be a noun
        assert_eq!(seg("كيا"), "كيا");
    }

    #[test]
    fn pronoun_rules() {
        // a stem seen with several pronouns
        assert_eq!(seg("انفسهم"), "انفس+هم");
        assert_eq!(seg("انفسنا"), "انفس+نا");
        // tanween fath: the alef is the accusative ending, not نا/ها
        assert_eq!(seg("عنواناً"), "عنوانا");
        assert_eq!(seg("بيانها"), "بيان+ها");
        // object pronouns after imperfective verbs
        assert_eq!(seg("يمكنك"), "يمكن+ك");
        assert_eq!(seg("يهمني"), "يهم+ني");
        // ني needs a stem of three letters
        assert_eq!(seg("ابني"), "ابن+ي");
        // a noun seen with the article keeps its first letter before a pronoun
        assert_eq!(seg("بطنه"), "بطن+ه");
        assert_eq!(seg("لسانه"), "لسان+ه");
        // an unseen form of a noun seen with the article takes ب
        assert_eq!(seg("بخيوله"), "ب+خيول+ه");
        // names in -يه are no stem + ه; verbs, duals and plurals in construct are
        assert_eq!(seg("خوسيه"), "خوسيه");
        assert_eq!(seg("يبقيه"), "يبقي+ه");
        assert_eq!(seg("زميليه"), "زميلي+ه");
        assert_eq!(seg("زيارتيه"), "زيارتي+ه");
    }

    #[test]
    fn fixed_compound_prepositions() {
        assert_eq!(seg("بصدد"), "ب+صدد");
        assert_eq!(seg("بمقدورها"), "ب+مقدور+ها");
        assert_eq!(seg("وبوسعه"), "و+ب+وسع+ه");
    }

    #[test]
    fn lam_before_words_starting_with_lam() {
        // a name or construct noun starting with ل after the preposition ل
        assert_eq!(seg("للبنان"), "ل+لبنان");
        assert_eq!(seg("لليفربول"), "ل+ليفربول");
        // … but لل before a noun is ل + the article
        assert_eq!(seg("للحكومة"), "ل+ال+حكومه");
        assert_eq!(seg("للمرة"), "ل+ال+مره");
        // a preposition before a listed name starting with و
        assert_eq!(seg("بواشنطن"), "ب+واشنطن");
    }

    #[test]
    fn lam_governs_the_subjunctive() {
        // an unseen ل + imperfective verb: split before the subjunctive, not before -ون
        assert!(seg("لتستوعبه").starts_with("ل+"));
        assert_eq!(seg("ليبرانيون"), "ليبرانيون");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for w in ["", "و", "ال", "لل", "ـ", "\u{064B}", "أ", "ؤؤؤؤ", "abc", "و1", &"ب".repeat(200), "وأ", "للأ", "كأ", "سأ", "وسأ", "بوو", "باً", "سا", "ني", "يك", "اً"] {
            let s = segment_word(w);
            let n = w.chars().count() as u32;
            if n > 0 {
                assert_eq!(s.segments.first().map(|x| x.start), Some(0), "{w}");
                assert_eq!(s.segments.last().map(|x| x.end), Some(n), "{w}");
            }
            let _ = segment_normalized_word(w);
        }
    }

    #[test]
    fn random_words_are_covered_without_panics() {
        // letters that look like clitics, hamzas, marks and tatweel, in pseudo-random words
        let alphabet: Vec<char> = "وفبلكساليهنمتاةىأإآؤئءرعدقجحخشصضطظزثذغ\u{064B}\u{064E}\u{0651}\u{0640}".chars().collect();
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let len = 1 + (state >> 60) as usize % 12;
            let word: String = (0..len)
                .map(|k| alphabet[((state >> (k * 5 % 59)) as usize) % alphabet.len()])
                .collect();
            let n = word.chars().count() as u32;
            let s = segment_word(&word);
            assert_eq!(s.segments.first().map(|x| x.start), Some(0), "{word}");
            assert_eq!(s.segments.last().map(|x| x.end), Some(n), "{word}");
            assert!(s.segments.windows(2).all(|p| p[0].end == p[1].start), "{word}");
            let folded = segment_normalized_word(&word);
            assert!(folded.segments.windows(2).all(|p| p[0].end == p[1].start), "{word}");
        }
    }

    #[test]
    fn cache_agrees_and_stays_bounded() {
        let mut c = SegmentCache::new(2);
        for w in ["وبالعراق", "للعراق", "بأنه", "وبالعراق", "كأنهم"] {
            assert_eq!(c.segment(w), &segment_word(w));
        }
        assert!(c.values.len() <= 2);
    }
}
