//! # marsad-quotes
//!
//! Attributed statements: cue, speaker, content, kind.
//! Adds the `quotes` layer of a [`marsad_doc::Doc`].
//!
//! The annotator is rule based and works on the token layer:
//!
//! * quotation marks are paired once per document (any kind of mark, across
//!   sentences and paragraphs);
//! * every token outside a quotation is looked up in the cue lexicon
//!   (`data/quotes/cues.tsv`: verbs, participles, relay verbs, "according to"
//!   phrases), after an optional و/ف proclitic;
//! * around a cue the speaker phrase is read (after the verb, before it, or
//!   after عن / بحسب), then the content marker (أن/إن/بأن…, a quotation, a
//!   colon) and the content up to the end of the sentence, the next cue or the
//!   closing quotation mark.
//!
//! Round-2 rules (general, each with a unit test in `tests.rs`):
//!
//! * anonymity clauses (`veil`/`disclose` in `anonymous.tsv`: "مسؤول في X طلب عدم الكشف عن
//!   هويته قال…") belong to the speaker phrase, before or after the verb;
//! * `qobj` cues (اتهم، هدد، حذر، وصف): a quotation in the object is the content ("اتهم «…»
//!   بـ…"); without one they only end the previous clause, and their next phrase (maybe an
//!   object) never becomes the current speaker;
//! * relays through a parenthesis ("نقلت الوكالة (واس) عن X قوله") and with an ordinary verb
//!   ("ذكرت الوكالة عن X قوله"); "وفق ما نقلت الوكالة عن X": the speaker is X;
//! * a cue after a relative pronoun takes the antecedent as speaker ("المنظمة التي تصف…");
//! * a statement noun as subject ("وأضاف البيان") stands for the previous speaker when that
//!   speaker's sentence mentions a statement; tallies ("بحسب تعداد لـ…") are no source;
//! * a time expression after the verb is skipped before the subject; after a sentence-initial
//!   discourse phrase ("من جانبه، عبر X عن…") the clause subject is read for participles.
//!
//! * a quotation split by the cue ("«A»، قال X، «B»") gives two quotes of X; a closing
//!   attribution phrase (`tail` in `cues.tsv`: على حد تعبيره) is cut from the content.
//!
//! Round-3 rules (general, each with a unit test in `tests.rs`):
//!
//! * the headline (a short first paragraph without final punctuation or dateline) is skipped;
//!   an "according to" phrase after the lead sentence's clause (…، وفق ما أعلنت الوزارة) is the
//!   news itself, not a quote (kept when the clause holds a quotation);
//! * "قال إن A، وإن B": a coordinated إن after a comma gives a second quote of the same speaker
//!   (a coordinated أن continues the content);
//! * a narrator's phrase after a comma (`break` in `cues.tsv`: ، وذلك في ختام…) ends a content,
//!   and so does a cue after "، في حين" / "، غير أن";
//! * a colon opening a quotation may come up to 30 words after the speaker (long prepositional
//!   phrases), a complementiser only within the usual gap;
//! * a dateline dash is no coordinating comma, and after a dateline the opening verb's subject is
//!   the clause subject for participles; a ب-object ends the subject phrase (توعدت الحركة بالرد);
//! * "بحسب X، الذي …، فإن": the content starts after فإن; "وفقا لبيان صادر عن X": the speaker is X;
//! * heads with an affiliation ("القيادي في حماس"، "تجار في سوق…") keep their في phrase, also before
//!   the verb; a nationality adjective after the entity stays in the speaker phrase;
//! * a lone definite generic head (الجماعة، الحركة، الحزب) with no earlier speaker sharing it refers
//!   back to the last organisation of a matching sector (`data/quotes/anaphors.tsv`).
//!
//! Round-4 rules (from a review of real Tunisian and pan-Arab news; each with a unit test):
//!
//! * impersonal present forms directly followed by أن (`impersonal` in `cues.tsv`: يذكر أن، يتوقع أن)
//!   are the narrator's phrase; a passive written with alif maqsura (`passive`: شاهد يدعى محمد) is no
//!   cue; a multi-word cue after a relative word (`relative`: ما ورد في) is no cue; بيّن (`shadda`) is a
//!   cue only with its shadda or a complementiser close after it (normalised it is بين "between");
//! * a verb with no subject after a comma ("رحب X بـ…، وقال إن…"، "بعث X برسالة، أكد فيها أن…") shares
//!   the subject of the sentence's clause when that subject is a named or anonymous source;
//! * "X، الذي قال": the antecedent before the comma; "…، والتي طالبت": a coordinated relative gives no
//!   statement; "X، التي …، ترى أن": the subject before an appositive relative clause;
//! * a phrase read backward after a preposition (`prepositions.txt`: "وعن بدايته في الغناء قال") is
//!   no subject unless a person is named in it; a clause opened by و + a preposition ("وقبل يومين، طمأن X")
//!   has its verb after the comma;
//! * "… في البنك جان كاريه": an affiliation followed by a person's name stays in the speaker phrase;
//! * the relative verb of "بحسب ما أفادت" is never a cue of its own; "وفقا للقانون / للتعديلات"
//!   (`nonagent` norms and plans) is no source; a ب-phrase after an accusation verb is its object;
//!   "بالقول:" opens a quotation of the clause subject;
//! * a person named right before a bare verb, or before a comma and the verb ("لكن غندور وصف المحادثات
//!   بأنها…"، "أن المشاط، قال إنه…"), is its subject (SVO); the phrase after the verb is its object;
//! * أن after a conjunction word (`conjunction` in `cues.tsv`: بيد أن، غير أن، رغم أن) opens a new clause
//!   and is never the complement of a cue;
//! * إن written with hamza below (the complement of a reporting verb only) may come up to 22 words
//!   after the speaker ("وقالت X في إفادة عن مستجدات التحقيق الذي تجريه … إنها").
//!
//! ## Data
//!
//! All Arabic words the rules use live in `data/quotes/` (embedded with `include_str!`, loaded once
//! in [`QuoteAnnotator::new`], normalised with [`normalize_str`]); the code names each list in English:
//!
//! * `cues.tsv`: reporting cues with their flags, and the impersonal / passive / relative / shadda /
//!   conjunction / tail / break lists;
//! * `speaker_stops.txt`, `name_heads.txt`, `prepositions.txt`: words ending a speaker phrase, nouns
//!   naming a quoted name, prepositions whose object is no subject;
//! * `anonymous.tsv`: anonymous-source heads, ranks, affiliation heads, anonymity clauses, statement
//!   nouns, non-agents; `anaphors.tsv`: generic heads and their sectors;
//! * `function_words.tsv` (`list<TAB>word`): the closed-class words of the rules (complementiser and
//!   pronoun suffixes, copulas, relative pronouns, prepositions of affiliation / relay / issuer,
//!   discourse openers, "the same", …), read into `FunctionWords`, one field per list.
//!
//! Only morphology stays in the code: the proclitic letters و ف ب ل stripped as `char`s, the article
//! ال and its fusions (لل، وال، بال) in the `clitic` module, orthographic tests on the written
//! text (hamza below إ, shadda, final ى / ي) and the punctuation of quotation pairing (، is a comma).
//!
//! **Implicit speakers** (وأضاف، مضيفا، وتابع) are resolved to the previous
//! speaker (or, for a participle in a clause with no cue, to the subject of
//! the clause). The speaker span is then the span of that *earlier* mention
//! (its own start/end in the text), with its actor id: a span always slices
//! the text.

use marsad_doc::{ActorSpan, Annotator, Doc, Quote, QuoteKind, Speaker};
use marsad_text::{normalize_str, TokenKind};
use marsad_text::{FastMap as HashMap, WordSet};

const CUES: &str = include_str!("../../../data/quotes/cues.tsv");
const STOPS: &str = include_str!("../../../data/quotes/speaker_stops.txt");
const NAME_HEADS: &str = include_str!("../../../data/quotes/name_heads.txt");
const ANONYMOUS: &str = include_str!("../../../data/quotes/anonymous.tsv");
const ANAPHORS: &str = include_str!("../../../data/quotes/anaphors.tsv");
const PREPOSITIONS: &str = include_str!("../../../data/quotes/prepositions.txt");
const FUNCTION_WORDS: &str = include_str!("../../../data/quotes/function_words.tsv");

/// Clitics of the morphology used by the rules (normalised forms): the article and its fusions with
/// a proclitic, tested as prefixes ("الوزارة" is definite, "للوكالة" = ل + الوكالة). They are part of
/// the prefix-stripping algorithm, not a word list; the single proclitic letters و ف ب ل are written
/// as `char`s where they are stripped.
mod clitic {
    /// The article ال, and ل + the article (its alif drops: للوكالة): the text layer's constants.
    pub use marsad_text::clitic::{ARTICLE, FUSED_ARTICLE as LI_ARTICLE};
    /// و + the article (والوزارة).
    pub const WA_ARTICLE: &str = "وال";
    /// ب + the article (بالرد).
    pub const BI_ARTICLE: &str = "بال";
    /// The preposition ب written apart (بـ«…»), as a token.
    pub const BI: &str = "ب";
}

/// Maximum number of words in a speaker phrase.
const MAX_SPEAKER_WORDS: usize = 10;
/// Maximum number of words of a speaker phrase before its verb (SVO order).
const MAX_BACKWARD_WORDS: usize = 6;
/// Maximum number of words between the speaker and the content marker.
const MAX_GAP_WORDS: usize = 12;
/// Maximum number of words between the speaker and إن (written with hamza below, the complement of a reporting verb).
const MAX_INNA_GAP_WORDS: usize = 22;
/// Maximum number of words between the speaker and a colon opening a quotation.
const MAX_COLON_GAP_WORDS: usize = 30;
/// A quoted segment of at most this many words, not ending the sentence, is a name or scare quote.
const SHORT_QUOTE_WORDS: usize = 5;
/// Quotation pairs longer than this (tokens) are treated as unbalanced marks.
const MAX_QUOTE_TOKENS: usize = 1500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueClass {
    Verb,
    Participle,
    Relay,
    According,
}

#[derive(Debug, Clone, PartialEq)]
struct CueInfo {
    class: CueClass,
    denial: bool,
    /// Normalised preposition that may follow the cue.
    prep: Option<String>,
    /// The preposition is required.
    strict: bool,
    /// A relative verb follows the cue and is skipped (بحسب ما ذكرته الوكالة).
    skip_verb: bool,
    /// A quotation in the object is the content (اتهم X بـ«…»); the phrase after the verb may be an object.
    qobj: bool,
}

/// What a written form reads as in the cue tables ([`QuoteAnnotator::readings`]).
#[derive(Debug, Default, PartialEq)]
struct CueReading {
    /// Multi-token cues starting with this form, longest first (`multi` after an optional و).
    multi: Vec<(Vec<String>, CueInfo)>,
    /// The single-token cue of this form (`single` after an optional و/ف, as [`QuoteAnnotator::cue_lookup`]).
    single: Option<CueInfo>,
}

/// The quotes annotator. Build it once and share it between threads.
#[derive(Debug, Default)]
pub struct QuoteAnnotator {
    /// Single-token cues (normalised form).
    single: marsad_text::WordTable<CueInfo>,
    /// Multi-token cues keyed by their first token.
    multi: marsad_text::WordTable<Vec<(Vec<String>, CueInfo)>>,
    /// Every form that reads as a cue (a key of `single` or `multi`, alone or after و/ف) and what it
    /// reads as: one probe per token instead of the look-ups of each clitic reading.
    readings: marsad_text::WordTable<CueReading>,
    /// The shapes of the keys of `readings`, which turn most tokens away before the table is probed.
    reading_shapes: marsad_text::ShapeFilter,
    stops: WordSet,
    name_heads: WordSet,
    anon_heads: WordSet,
    anon_ranks: WordSet,
    /// Heads whose "في X" complement belongs to the speaker phrase.
    pp_heads: WordSet,
    /// Words opening an anonymity clause (طلب عدم الكشف عن هويته).
    veil: WordSet,
    /// Words confirming an anonymity clause after a veil word.
    disclose: WordSet,
    /// Statement nouns standing for the previous speaker (وأضاف البيان).
    documents: WordSet,
    /// Heads of "according to" phrases that are tallies, not sources.
    nonagents: WordSet,
    /// Words showing that a statement was issued (في بيان).
    statements: WordSet,
    /// Phrases closing a content that are not part of it (على حد تعبيره).
    tails: Vec<Vec<String>>,
    /// The last words of `tails`.
    tail_ends: WordSet,
    /// Phrases after a comma by which the narrator resumes (، وذلك في ختام…): they end a content.
    breaks: Vec<Vec<String>>,
    /// Generic heads (جماعة، حزب، وكالة) → sectors of the organisations they may refer back to.
    anaphors: HashMap<String, Vec<String>>,
    /// Present forms that, followed directly by أن, are the narrator's impersonal phrase (يذكر أن).
    impersonal: WordSet,
    /// Forms that are a passive, not a cue, when written with a final alif maqsura (يدعى).
    passive: WordSet,
    /// Cue forms that are also particles (بين): cues only with a shadda or a complementiser close after.
    shadda: WordSet,
    /// Words that, before أن, form a conjunction (بيد أن، غير أن، إلا أن، رغم أن).
    conjunctions: WordSet,
    /// Words that make a following multi-word cue a relative clause (ما ورد في).
    cue_relatives: WordSet,
    /// Prepositions whose object is never the subject read backward from a verb.
    prepositions: WordSet,
    /// Closed-class words of the rules (`data/quotes/function_words.tsv`).
    words: FunctionWords,
}

/// The closed-class word lists of `data/quotes/function_words.tsv`, one field per list (the list
/// name is given in each comment). All entries are normalised with [`normalize_str`] on load,
/// except `written_inna`, which is matched on the written text.
#[derive(Debug, Default)]
struct FunctionWords {
    /// `complementizer`: stems of the complementiser (أن/إن); proclitics و ف ب and a pronoun suffix may attach.
    complementizers: Vec<String>,
    /// `pronoun_suffix`: pronoun suffixes of a complementiser (أنه، إنها).
    pronoun_suffixes: WordSet,
    /// `impersonal_complement`: words after an impersonal present form that make it the narrator's (يذكر أن).
    impersonal_complements: WordSet,
    /// `written_inna`: إن with hamza below, as written (not normalised).
    written_inna: Vec<String>,
    /// `kana`: forms of كان.
    kana: WordSet,
    /// `copula`: other copulas and verbs of becoming (بات، أصبح، ليس).
    copulas: WordSet,
    /// `press_recipient`: "to the press" (للصحافة).
    press_recipients: WordSet,
    /// `comma_conjunction`: two-word conjunctions after a comma (، في حين).
    comma_conjunctions: Vec<(String, String)>,
    /// `relative`: relative pronouns (التي، الذي، الذين).
    relatives: WordSet,
    /// `relative_dual`: dual relative pronouns (اللذين، اللتين).
    dual_relatives: WordSet,
    /// `naming_verb`: verbs of naming after a relative pronoun (التي تعرف باسم).
    naming_verbs: WordSet,
    /// `naming_marker`: words between a naming verb and the quoted name (باسم).
    naming_markers: WordSet,
    /// `affiliation_prep`: prepositions of an affiliation (مسؤول في الوزارة).
    affiliation_preps: WordSet,
    /// `name_homograph`: normalised prepositions that are also a person's name (على / علي).
    name_homographs: WordSet,
    /// `perfect_particle`: قد، لقد.
    perfect_particles: WordSet,
    /// `clause_opener`: conjunctions that end a subject read backward (لكن، بينما).
    clause_openers: WordSet,
    /// `speaker_adjective`: adjectives after an entity that still describe the speaker (الرسمية).
    speaker_adjectives: WordSet,
    /// `discourse_opener`: first words of a sentence-initial discourse phrase (من جانبه، بدوره).
    discourse_openers: WordSet,
    /// `topic_particle`: أما before a ف-cue.
    topic_particles: WordSet,
    /// `report_noun`: nouns of a report or statement (without the article) whose issuer speaks.
    report_nouns: WordSet,
    /// `issued`: "issued" after a report noun (صادر عن).
    issued: WordSet,
    /// `issuer_prep`: prepositions introducing the issuer (عن، من).
    issuer_preps: WordSet,
    /// `source_prep`: the preposition introducing a relayed source (نقل عن).
    source_preps: WordSet,
    /// `veil_prep`: the preposition of an anonymity clause's object (الكشف عن هويته).
    veil_preps: WordSet,
    /// `saying_noun`: prefixes of the verbal noun of saying after a relayed source (قوله).
    saying_nouns: Vec<String>,
    /// `relative_pronoun_prep`: pronoun-prepositions after the relative verb of "according to" (أفاد به).
    relative_pronoun_preps: WordSet,
    /// `verb_pronoun_prep`: pronoun-prepositions skipped after a reporting verb (نفت فيه).
    verb_pronoun_preps: WordSet,
    /// `according_lam`: "according to" cues followed by a ل outside the speaker span (وفقا لـ).
    according_lam: WordSet,
    /// `same_source`: "the same" after a source noun (المصدر ذاته).
    same_source: WordSet,
    /// List names of the file that no rule reads (a typo in the data file); checked by a unit test.
    unknown_lists: Vec<String>,
    /// Every word [`Self::is_complementizer`] accepts, spelled out on load (proclitics × stems ×
    /// suffixes, kept when the stripping rule accepts them): the rules ask about most words of a
    /// speaker phrase, and one set probe replaces the prefix and suffix scans.
    complementizer_forms: WordSet,
    /// The words of `complementizer_forms` that [`Self::is_fa_complementizer`] accepts.
    fa_complementizer_forms: WordSet,
}

impl FunctionWords {
    fn parse(text: &str) -> Self {
        let mut w = FunctionWords::default();
        for (list, word, _) in marsad_text::tagged_rows(text) {
            let norm = normalize_str(word);
            let set = match list {
                "complementizer" => {
                    w.complementizers.push(norm);
                    continue;
                }
                "written_inna" => {
                    w.written_inna.push(word.to_string());
                    continue;
                }
                "saying_noun" => {
                    w.saying_nouns.push(norm);
                    continue;
                }
                "comma_conjunction" => {
                    if let Some((a, b)) = word.split_once('_') {
                        w.comma_conjunctions.push((normalize_str(a), normalize_str(b)));
                    }
                    continue;
                }
                "pronoun_suffix" => &mut w.pronoun_suffixes,
                "impersonal_complement" => &mut w.impersonal_complements,
                "kana" => &mut w.kana,
                "copula" => &mut w.copulas,
                "press_recipient" => &mut w.press_recipients,
                "relative" => &mut w.relatives,
                "relative_dual" => &mut w.dual_relatives,
                "naming_verb" => &mut w.naming_verbs,
                "naming_marker" => &mut w.naming_markers,
                "affiliation_prep" => &mut w.affiliation_preps,
                "name_homograph" => &mut w.name_homographs,
                "perfect_particle" => &mut w.perfect_particles,
                "clause_opener" => &mut w.clause_openers,
                "speaker_adjective" => &mut w.speaker_adjectives,
                "discourse_opener" => &mut w.discourse_openers,
                "topic_particle" => &mut w.topic_particles,
                "report_noun" => &mut w.report_nouns,
                "issued" => &mut w.issued,
                "issuer_prep" => &mut w.issuer_preps,
                "source_prep" => &mut w.source_preps,
                "veil_prep" => &mut w.veil_preps,
                "relative_pronoun_prep" => &mut w.relative_pronoun_preps,
                "verb_pronoun_prep" => &mut w.verb_pronoun_preps,
                "according_lam" => &mut w.according_lam,
                "same_source" => &mut w.same_source,
                _ => {
                    if !w.unknown_lists.iter().any(|l| l == list) {
                        w.unknown_lists.push(list.to_string());
                    }
                    continue;
                }
            };
            set.insert(norm);
        }
        // an accepted word is proclitics (some of و ف ب, in this order) + a stem + a suffix
        let proclitics = ["", "و", "ف", "ب", "وف", "وب", "فب", "وفب"];
        let suffixes: Vec<&str> = std::iter::once("").chain(w.pronoun_suffixes.iter()).collect();
        let mut forms = Vec::new();
        for p in proclitics {
            for c in &w.complementizers {
                for s in &suffixes {
                    forms.push(format!("{p}{c}{s}"));
                }
            }
        }
        for form in forms {
            if w.is_complementizer_by_stripping(&form) {
                if w.is_fa_complementizer_by_stripping(&form) {
                    w.fa_complementizer_forms.insert(form.clone());
                }
                w.complementizer_forms.insert(form);
            }
        }
        w
    }

    /// Whether a normalised word is a complementiser (أن، إن، بأن، فإن، وأن, with pronoun suffixes).
    #[inline]
    fn is_complementizer(&self, norm: &str) -> bool {
        self.complementizer_forms.contains(norm)
    }

    /// Whether a normalised word is ف + a complementiser (فإن، فإنه: the resumptive after "بحسب X،").
    #[inline]
    fn is_fa_complementizer(&self, norm: &str) -> bool {
        self.fa_complementizer_forms.contains(norm)
    }

    /// The rule behind [`Self::is_complementizer`]: strip the proclitics و ف ب while a stem follows,
    /// then a stem and an optional pronoun suffix must make the rest.
    fn is_complementizer_by_stripping(&self, norm: &str) -> bool {
        let mut w = norm;
        for p in ['و', 'ف', 'ب'] {
            if let Some(r) = w.strip_prefix(p) {
                if self.complementizers.iter().any(|c| r.starts_with(c.as_str())) {
                    w = r;
                }
            }
        }
        self.complementizers
            .iter()
            .filter_map(|c| w.strip_prefix(c.as_str()))
            .any(|suffix| suffix.is_empty() || self.pronoun_suffixes.contains(suffix))
    }

    /// The rule behind [`Self::is_fa_complementizer`].
    fn is_fa_complementizer_by_stripping(&self, norm: &str) -> bool {
        norm.strip_prefix('ف').is_some_and(|r| self.complementizers.iter().any(|c| r.starts_with(c.as_str()))) && self.is_complementizer_by_stripping(norm)
    }

    /// Forms of كان (past perfect "وكانت الوزارة قد أعلنت"), after an optional و.
    fn is_kana(&self, norm: &str) -> bool {
        let n = norm.strip_prefix('و').unwrap_or(norm);
        self.kana.contains(n)
    }

    /// Copulas and verbs of becoming after which a participle is a predicate (كان متوقعا، بات مؤكدا).
    fn is_kana_like(&self, norm: &str) -> bool {
        let n = norm.strip_prefix('و').unwrap_or(norm);
        self.is_kana(n) || self.copulas.contains(n)
    }

    /// Relative pronouns, singular/plural or dual.
    fn is_relative_any(&self, norm: &str) -> bool {
        self.relatives.contains(norm) || self.dual_relatives.contains(norm)
    }
}

fn data_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines().map(str::trim_end).filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

impl QuoteAnnotator {
    pub fn new() -> Self {
        let mut a = QuoteAnnotator::default();
        for line in data_lines(CUES) {
            let mut cols = line.split('\t');
            let (Some(class), Some(flags), Some(forms)) = (cols.next(), cols.next(), cols.next()) else { continue };
            if matches!(class.trim(), "impersonal" | "passive" | "relative" | "shadda" | "conjunction") {
                let set = match class.trim() {
                    "conjunction" => &mut a.conjunctions,
                    "impersonal" => &mut a.impersonal,
                    "shadda" => &mut a.shadda,
                    "passive" => &mut a.passive,
                    _ => &mut a.cue_relatives,
                };
                set.extend(forms.split_whitespace().map(normalize_str));
                continue;
            }
            if matches!(class.trim(), "tail" | "break") {
                for form in forms.split_whitespace() {
                    let parts: Vec<String> = form.split('_').map(normalize_str).filter(|p| !p.is_empty()).collect();
                    if !parts.is_empty() {
                        if class.trim() == "tail" {
                            a.tails.push(parts);
                        } else {
                            a.breaks.push(parts);
                        }
                    }
                }
                continue;
            }
            let class = match class.trim() {
                "verb" => CueClass::Verb,
                "participle" => CueClass::Participle,
                "relay" => CueClass::Relay,
                "according" => CueClass::According,
                _ => continue,
            };
            let mut info = CueInfo { class, denial: false, prep: None, strict: false, skip_verb: false, qobj: false };
            for f in flags.split(',').map(str::trim) {
                if f == "denial" {
                    info.denial = true;
                } else if f == "strict" {
                    info.strict = true;
                } else if f == "qobj" {
                    info.qobj = true;
                } else if f == "skipverb" {
                    info.skip_verb = true;
                } else if let Some(p) = f.strip_prefix("prep=") {
                    info.prep = Some(normalize_str(p));
                }
            }
            for form in forms.split_whitespace() {
                let parts: Vec<String> = form.split('_').map(normalize_str).filter(|p| !p.is_empty()).collect();
                match parts.len() {
                    0 => {}
                    1 => {
                        a.single.insert(&parts[0], info.clone());
                    }
                    _ => {
                        let first = parts[0].clone();
                        a.multi.entry(first).or_default().push((parts, info.clone()));
                    }
                }
            }
        }
        a.tail_ends = a.tails.iter().filter_map(|t| t.last().cloned()).collect();
        for v in a.multi.values_mut() {
            v.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
        }
        let forms: Vec<String> = a.single.keys().chain(a.multi.keys()).flat_map(|k| [k.to_string(), format!("و{k}"), format!("ف{k}")]).collect();
        for form in forms {
            let reading = a.read_cue_tables(&form);
            if reading != CueReading::default() {
                a.reading_shapes.insert(&form);
                a.readings.insert(&form, reading);
            }
        }
        for line in data_lines(ANAPHORS) {
            if let Some((head, sectors)) = line.split_once('\t') {
                a.anaphors.insert(normalize_str(head.trim()), sectors.split(',').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect());
            }
        }
        a.prepositions = data_lines(PREPOSITIONS).map(|l| normalize_str(l.trim())).collect();
        a.stops = data_lines(STOPS).map(|l| normalize_str(l.trim())).collect();
        a.name_heads = data_lines(NAME_HEADS).map(|l| normalize_str(l.trim())).collect();
        for (class, w, _) in marsad_text::tagged_rows(ANONYMOUS) {
            let set = match class {
                "head" => &mut a.anon_heads,
                "rank" => &mut a.anon_ranks,
                "pphead" => &mut a.pp_heads,
                "veil" => &mut a.veil,
                "disclose" => &mut a.disclose,
                "document" => &mut a.documents,
                "statement" => &mut a.statements,
                "nonagent" => &mut a.nonagents,
                _ => continue,
            };
            set.insert(normalize_str(w));
        }
        a.words = FunctionWords::parse(FUNCTION_WORDS);
        a
    }

    /// What a normalised form reads as in `multi` (after an optional و) and `single` (after an
    /// optional و/ف); [`Self::readings`] holds the answer for every form with one.
    fn read_cue_tables(&self, norm: &str) -> CueReading {
        let key = norm.strip_prefix('و').filter(|r| self.multi.contains_key(r)).unwrap_or(norm);
        CueReading { multi: self.multi.get(key).cloned().unwrap_or_default(), single: self.cue_lookup(norm).cloned() }
    }

    /// Strip one or two proclitics و/ف (not ب or ل, which change the word).
    fn cue_lookup<'a>(&'a self, norm: &str) -> Option<&'a CueInfo> {
        if let Some(c) = self.single.get(norm) {
            return Some(c);
        }
        let rest = norm.strip_prefix('و').or_else(|| norm.strip_prefix('ف'))?;
        // (at least two letters left; `nth` stops there instead of counting the whole word)
        rest.chars().nth(1).and_then(|_| self.single.get(rest))
    }
}

/// No paired quotation mark, in [`View::partner`].
const NO_PARTNER: u32 = u32::MAX;

/// Punctuation classes of [`View::punct`]: a comma, semicolon or dash (`,` `;` `-` `–` `—`)…
const COMMA: u8 = 1;
/// … a comma proper (`,` `;`)…
const TRUE_COMMA: u8 = 2;
/// … a final mark (`.` `!` `?` `...` `…`).
const FINAL: u8 = 4;

/// Per-document view of the token layer used by the rules.
///
/// Facts the rules ask about the same token many times (is it a cue? which sentence tokens
/// surround it?) are computed once here: the speaker, marker and content searches scan the same
/// tokens again for every cue candidate.
struct View<'d> {
    doc: &'d Doc,
    /// The cue starting at each token, as [`QuoteAnnotator::read_cue`] reads it: (tokens, cue).
    cues: Vec<Option<(u8, &'d CueInfo)>>,
    /// Token range of each sentence index of `sent` (the run of tokens sharing it).
    sent_ranges: Vec<(u32, u32)>,
    /// Punctuation class of each token (`COMMA`, `TRUE_COMMA`, `FINAL`), read once: the scans test
    /// the same marks again for every candidate.
    punct: Vec<u8>,
    /// Partner of each paired quotation mark.
    /// (indexed by token; `NO_PARTNER` for the others: the scans ask at every quotation mark).
    partner: Vec<u32>,
    /// Whether token i lies strictly inside a quotation.
    inside: Vec<bool>,
    /// Sentence index of each token.
    sent: Vec<u32>,
    /// First token after the headline (0 when the text has none).
    body_start: usize,
}

impl<'d> View<'d> {
    fn new(doc: &'d Doc, annotator: &'d QuoteAnnotator) -> Self {
        let n = doc.tokens.len();
        let text = doc.text();
        let mut partner = vec![NO_PARTNER; n];
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        let mut pair = |o: usize, c: usize| {
            partner[o] = c as u32;
            partner[c] = o as u32;
            pairs.push((o, c));
        };
        let mut stack: Vec<(usize, char)> = Vec::new();
        for i in 0..n {
            if doc.tokens[i].kind != TokenKind::Quote {
                continue;
            }
            let c = doc.tokens.text(text, i).chars().next().unwrap_or('"');
            if marsad_text::chars::is_opening_quote(c) {
                stack.push((i, c));
            } else if marsad_text::chars::is_closing_quote(c) {
                // close the nearest opener that is not an ambiguous mark of another kind
                if let Some(pos) = stack.iter().rposition(|&(_, o)| marsad_text::chars::is_opening_quote(o)) {
                    let (o, _) = stack[pos];
                    stack.truncate(pos);
                    if i - o <= MAX_QUOTE_TOKENS {
                        pair(o, i);
                    }
                }
            } else {
                // ambiguous mark ("): its neighbours tell an opener ( "word) from a closer (word" )
                let tok = &doc.tokens[i];
                let prev = text[..tok.byte_start as usize].chars().next_back();
                let next = text[tok.byte_end as usize..].chars().next();
                // raw-text punctuation (، is the Arabic comma), not a word list
                let opener_like = prev.is_none_or(|p| p.is_whitespace() || "(:[،,".contains(p))
                    && next.is_some_and(|n| !n.is_whitespace() && !".،,:;!?".contains(n));
                let closer_like = prev.is_some_and(|p| !p.is_whitespace())
                    && next.is_none_or(|n| n.is_whitespace() || ".،,:;!?)]".contains(n) || marsad_text::chars::is_quote_mark(n));
                if opener_like && !closer_like {
                    stack.push((i, c));
                    continue;
                }
                if closer_like && !opener_like {
                    if let Some(pos) = stack.iter().rposition(|&(_, o)| o == c) {
                        let (o, _) = stack[pos];
                        stack.truncate(pos);
                        if i - o <= MAX_QUOTE_TOKENS {
                            pair(o, i);
                        }
                    }
                    continue;
                }
                // no clue: closes the same mark on the stack, else opens
                if let Some(pos) = stack.iter().rposition(|&(_, o)| o == c) {
                    let (o, _) = stack[pos];
                    stack.truncate(pos);
                    if i - o <= MAX_QUOTE_TOKENS {
                        pair(o, i);
                    }
                } else {
                    stack.push((i, c));
                }
            }
        }
        let mut inside = vec![false; n];
        for &(o, c) in &pairs {
            if o < c {
                for x in inside.iter_mut().take(c).skip(o + 1) {
                    *x = true;
                }
            }
        }
        let (sent, sent_ranges) = token_sentences(doc);
        let punct = (0..n)
            .map(|i| match doc.tokens[i].kind {
                TokenKind::Punct => match doc.tokens.norm(i) {
                    "," | ";" => COMMA | TRUE_COMMA,
                    "-" | "–" | "—" => COMMA,
                    "." | "!" | "?" | "..." | "…" => FINAL,
                    _ => 0,
                },
                _ => 0,
            })
            .collect();
        let body_start = headline_end(doc);
        let mut v = View { doc, cues: Vec::new(), sent_ranges, punct, partner, inside, sent, body_start };
        v.cues = (0..n).map(|i| annotator.read_cue(&v, i).map(|(len, c)| (len as u8, c))).collect();
        v
    }

    #[inline]
    fn norm(&self, i: usize) -> &str {
        self.doc.tokens.norm(i)
    }
    #[inline]
    fn kind(&self, i: usize) -> TokenKind {
        self.doc.tokens[i].kind
    }
    #[inline]
    fn is_word(&self, i: usize) -> bool {
        self.kind(i).is_wordlike()
    }
    /// A comma, a semicolon or a dash.
    #[inline]
    fn is_comma(&self, i: usize) -> bool {
        self.punct[i] & COMMA != 0
    }
    /// A comma proper (not a dash, which also ends a dateline: "صنعاء – توعدت…").
    #[inline]
    fn is_true_comma(&self, i: usize) -> bool {
        self.punct[i] & TRUE_COMMA != 0
    }
    /// The lead sentence: the first sentence of the body, after a headline or opening with a
    /// dateline (طولكرم – …).
    fn is_lead_sentence(&self, i: usize) -> bool {
        if self.body_start >= self.sent.len() || self.sent[i] != self.sent[self.body_start] {
            return false;
        }
        let (a, b) = self.sentence_range(i);
        self.body_start > 0 || (a..b.min(a + 10)).any(|k| self.kind(k) == TokenKind::Punct && matches!(self.norm(k), "-" | "–" | "—"))
    }
    #[inline]
    fn is_final_punct(&self, i: usize) -> bool {
        self.punct[i] & FINAL != 0
    }
    /// Token range of the sentence containing token i.
    fn sentence_range(&self, i: usize) -> (usize, usize) {
        let (a, b) = self.sent_ranges[self.sent[i] as usize];
        (a as usize, b as usize)
    }
    /// [`QuoteAnnotator::read_cue`] at token i, read again (tests compare it with the table).
    #[cfg(test)]
    fn is_cue_at_uncached(&self, a: &QuoteAnnotator, i: usize) -> Option<(usize, *const CueInfo)> {
        a.read_cue(self, i).map(|(l, c)| (l, c as *const CueInfo))
    }
    /// The quotation mark paired with the mark at i.
    #[inline]
    fn partner_of(&self, i: usize) -> Option<usize> {
        self.partner.get(i).copied().filter(|&c| c != NO_PARTNER).map(|c| c as usize)
    }
    /// Opening mark at i with its closing partner.
    #[inline]
    fn open_pair(&self, i: usize) -> Option<usize> {
        self.partner_of(i).filter(|&c| c > i)
    }
    #[inline]
    fn words_between(&self, a: usize, b: usize) -> usize {
        (a..b).filter(|&k| self.is_word(k)).count()
    }
    /// Whether the quotation closed at `close` ends its sentence or paragraph.
    fn quote_ends_sentence(&self, close: usize) -> bool {
        let n = self.doc.tokens.len();
        let next = close + 1;
        next >= n || self.is_final_punct(next) || self.doc.tokens.newline_before(next) || self.sent[next] != self.sent[close]
    }
    /// A quotation that is content rather than a name: long, or ending its sentence.
    fn is_content_quote(&self, open: usize, close: usize) -> bool {
        let w = self.words_between(open + 1, close);
        w >= 1 && (w > SHORT_QUOTE_WORDS || self.quote_ends_sentence(close))
    }
}

/// The sentence index of each token (the first sentence ending after the token's start, else the
/// last one) and the token range of each sentence index, in one walk over the sentences: each
/// sentence takes the run of tokens starting before its end (an empty run for a sentence with no
/// token; no range after the last token's sentence).
fn token_sentences(doc: &Doc) -> (Vec<u32>, Vec<(u32, u32)>) {
    let toks = doc.tokens.as_slice();
    let n = toks.len();
    let mut sent = Vec::with_capacity(n);
    let mut ranges = Vec::new();
    let count = doc.sentences.len().max(1);
    let mut i = 0;
    for s in 0..count {
        if i == n {
            break;
        }
        let a = i;
        match doc.sentences.get(s) {
            Some(sentence) if s + 1 < count => {
                while i < n && (toks[i].start as usize) < sentence.end {
                    i += 1;
                }
            }
            _ => i = n,
        }
        sent.resize(i, s as u32);
        ranges.push((a as u32, i as u32));
    }
    (sent, ranges)
}

/// The token after a dateline dash ("طولكرم (الضفة الغربية) – …", "صنعاء – الأحد ٢٣ رجب – …")
/// when the sentence opens with one.
fn dateline_end(v: &View, ss: usize, se: usize) -> Option<usize> {
    let mut end = None;
    for k in ss..se.min(ss + 14) {
        if v.kind(k) == TokenKind::Punct {
            match v.norm(k) {
                "-" | "–" | "—" => end = Some(k + 1),
                "(" | ")" | "/" => {}
                _ => break,
            }
        }
    }
    end
}

/// End of the headline: the first paragraph, when it is short, has no final punctuation and is
/// followed by more text; 0 when there is none. Headlines are no statements (their quotations
/// repeat the body's).
fn headline_end(doc: &Doc) -> usize {
    let n = doc.tokens.len();
    let Some(p) = (1..n).find(|&k| doc.tokens.newline_before(k)) else { return 0 };
    let words = (0..p).filter(|&k| doc.tokens[k].kind.is_wordlike()).count();
    let last = doc.tokens.norm(p - 1);
    let final_punct = doc.tokens[p - 1].kind == TokenKind::Punct && matches!(last, "." | "!" | "?" | "..." | "…" | ":");
    // a dateline (بغداد – …) starts a lede, not a headline
    let dateline = (0..p.min(10)).any(|k| doc.tokens[k].kind == TokenKind::Punct && matches!(doc.tokens.norm(k), "-" | "–" | "—"));
    if final_punct || dateline || words > 30 || words == 0 {
        0
    } else {
        p
    }
}

struct Found {
    cue: (usize, usize),
    speaker: Option<Speaker>,
    content: (usize, usize),
    kind: QuoteKind,
    denial: bool,
    via: Option<ActorSpan>,
}

impl QuoteAnnotator {
    /// The cue starting at token i: (number of tokens, cue), read once per document in [`View::new`].
    fn is_cue_at<'v>(&self, v: &View<'v>, i: usize) -> Option<(usize, &'v CueInfo)> {
        v.cues[i].map(|(len, c)| (len as usize, c))
    }

    /// Read the cue starting at token i (the look-up behind [`Self::is_cue_at`]).
    ///
    /// Inlined into the scan of [`View::new`]: nearly every token stops at the table probe, and
    /// only the few with a reading pay for the call that checks it.
    #[inline]
    fn read_cue<'s>(&'s self, v: &View, i: usize) -> Option<(usize, &'s CueInfo)> {
        if !v.is_word(i) || v.inside[i] {
            return None;
        }
        let norm = v.norm(i);
        if !self.reading_shapes.may_contain(norm) {
            return None;
        }
        let reading = self.readings.get(norm)?;
        self.check_reading(v, i, norm, reading)
    }

    /// The cue that `reading`, the reading of token i's form `norm`, gives in its context.
    #[inline(never)]
    fn check_reading<'s>(&'s self, v: &View, i: usize, norm: &str, reading: &'s CueReading) -> Option<(usize, &'s CueInfo)> {
        if !reading.multi.is_empty() {
            // "ما ورد في وسائل الإعلام": a multi-word cue in a relative clause is no cue
            let relative_before = i > 0 && v.is_word(i - 1) && self.cue_relatives.contains(v.norm(i - 1));
            for (parts, info) in reading.multi.iter().filter(|_| !relative_before) {
                let n = parts.len();
                if i + n <= v.doc.tokens.len()
                    && (1..n).all(|k| v.is_word(i + k) && v.norm(i + k) == parts[k])
                {
                    return Some((n, info));
                }
            }
        }
        let cue = reading.single.as_ref()?;
        // the filters below run on cue words only
        let bare = norm.strip_prefix('و').or_else(|| norm.strip_prefix('ف')).filter(|r| r.chars().nth(2).is_some()).unwrap_or(norm);
        // "شاهد يدعى محمد": a passive written with a final alif maqsura is no cue
        if self.passive.contains(bare) && v.doc.tokens.text(v.doc.text(), i).trim_end_matches(|c: char| ('\u{064B}'..='\u{0652}').contains(&c)).ends_with('ى') {
            return None;
        }
        // "وبيّن الوزير أن…": a form that is also a common particle (بين = between) is a cue only when
        // written with its shadda or when a complementiser follows within a short subject
        if self.shadda.contains(bare) {
            let raw = v.doc.tokens.text(v.doc.text(), i);
            let marked = raw.contains('\u{0651}');
            let comp = (i + 1..(i + 6).min(v.doc.tokens.len())).take_while(|&k| v.is_word(k) && !self.stops.contains(v.norm(k))).any(|k| self.words.is_complementizer(v.norm(k)));
            if !(marked || comp) {
                return None;
            }
        }
        // "يذكر أن…"، "يتوقع أن…": the narrator's impersonal phrase
        if (self.impersonal.contains(norm) || self.impersonal.contains(bare)) && i + 1 < v.doc.tokens.len() && v.is_word(i + 1) && self.words.impersonal_complements.contains(v.norm(i + 1)) {
            return None;
        }
        Some((1, cue))
    }

    /// A cue that starts a new clause (and so ends the content of the previous quote).
    fn is_clause_cue(&self, v: &View, i: usize) -> bool {
        match self.is_cue_at(v, i) {
            None => false,
            Some((_, c)) => {
                let norm = v.norm(i);
                // a participle as a predicate ("الهجوم كان متوقعا") does not open a clause: it needs a
                // comma, a closing quotation mark or a conjunction before it
                let opens = i > 0 && (v.is_comma(i - 1) || v.kind(i - 1) == TokenKind::Quote || !v.is_word(i - 1) && !v.is_final_punct(i - 1)) || i > 0 && v.is_word(i - 1) && self.stops.contains(v.norm(i - 1));
                c.class == CueClass::Participle && (opens || !self.words.is_kana_like(v.norm(i.saturating_sub(1))))
                    || norm.starts_with('و') && !self.single.contains_key(norm)
                    || norm.starts_with('ف') && !self.single.contains_key(norm)
                    || (i > 0 && v.is_comma(i - 1))
                    || self.conjunction_before(v, i)
            }
        }
    }

    /// "، لكنه أكد": a comma and a conjunction (a speaker stop word) before token i.
    fn conjunction_before(&self, v: &View, i: usize) -> bool {
        self.conjunction_len(v, i) > 0
    }

    /// Number of conjunction words between a comma and token i: "، لكنه أكد" (1), "، في حين ذكرت" (2); 0 if none.
    fn conjunction_len(&self, v: &View, i: usize) -> usize {
        if i >= 2 && v.is_comma(i - 2) && v.is_word(i - 1) && self.stops.contains(v.norm(i - 1)) {
            return 1;
        }
        if i >= 3 && v.is_comma(i - 3) && v.is_word(i - 2) && v.is_word(i - 1) && self.words.comma_conjunctions.iter().any(|(a, b)| v.norm(i - 2) == a && v.norm(i - 1) == b) {
            return 2;
        }
        0
    }

    /// A narrator's phrase after a comma (، وذلك في ختام…) starting at token i.
    fn break_at(&self, v: &View, i: usize) -> bool {
        i > 0 && v.is_true_comma(i - 1) && self.breaks.iter().any(|t| (0..t.len()).all(|j| i + j < v.doc.tokens.len() && v.is_word(i + j) && v.norm(i + j) == t[j]))
    }

    /// "، وإن التأخير…": a coordinated إن (written with hamza below) after a comma restarts the
    /// complement of the reporting verb: a new content of the same statement. Returns its marker.
    fn coordinated_inna_at(&self, v: &View, i: usize) -> bool {
        i > 0 && i < v.doc.tokens.len() && v.is_true_comma(i - 1) && v.is_word(i) && self.words.is_complementizer(v.norm(i)) && v.doc.tokens.text(v.doc.text(), i).strip_prefix('و').is_some_and(|r| self.words.written_inna.iter().any(|w| r.starts_with(w.as_str())))
    }

    /// Read a speaker phrase forward from token `from` (inside the sentence ending at `end`).
    /// Returns the token range (possibly empty).
    fn speaker_forward(&self, v: &View, from: usize, end: usize) -> (usize, usize) {
        let mut k = from;
        let mut words = 0;
        let mut last_word: Option<usize> = None;
        let mut extended = false;
        while k < end && words < MAX_SPEAKER_WORDS {
            let kind = v.kind(k);
            if kind == TokenKind::Quote {
                let Some(close) = v.open_pair(k) else { break };
                let w = v.words_between(k + 1, close);
                let head_ok = match last_word {
                    None => true,
                    Some(lw) => self.name_heads.contains(v.norm(lw)),
                };
                if (1..=SHORT_QUOTE_WORDS).contains(&w) && head_ok && !v.quote_ends_sentence(close) {
                    words += w;
                    k = close + 1;
                    last_word = Some(close);
                    continue;
                }
                break;
            }
            if !v.is_word(k) {
                break;
            }
            let n = v.norm(k);
            // "الفصائل التي تعرف باسم «المقاومة الإسلامية»": the relative clause names the speaker
            if k > from && self.words.relatives.contains(n) && k + 3 < end && v.is_word(k + 1) && self.words.naming_verbs.contains(v.norm(k + 1)) {
                let mut j = k + 2;
                if v.is_word(j) && self.words.naming_markers.contains(v.norm(j)) {
                    j += 1;
                }
                if let Some(close) = (j < end && v.kind(j) == TokenKind::Quote).then(|| v.open_pair(j)).flatten() {
                    if (1..=SHORT_QUOTE_WORDS + 2).contains(&v.words_between(j + 1, close)) && close < end {
                        k = close + 1;
                        break;
                    }
                }
            }
            if k > from && k + 1 < end && self.veil.contains(n) && v.is_word(k + 1) && self.disclose.contains(v.norm(k + 1)) {
                // "مسؤول طلب عدم ذكر اسمه": the anonymity clause belongs to the phrase (its verbs are no cues)
                let mut j = k + 2;
                while j < end && j < k + 6 && v.is_word(j) && !self.words.is_complementizer(v.norm(j)) && !self.stops.contains(v.norm(j)) {
                    j += 1;
                }
                // "عن هويته": one preposition and its object
                if j + 1 < end && v.is_word(j) && self.words.veil_preps.contains(v.norm(j)) && v.is_word(j + 1) {
                    j += 2;
                }
                k = j;
                break;
            }
            let stop = self.stops.contains(n);
            if stop && !extended && self.words.affiliation_preps.contains(n) && words <= 3 && k + 1 < end && v.is_word(k + 1) && (self.is_anonymous_head(v.norm(from)) || self.pp_heads.contains(v.norm(from))) {
                // "مسؤول في وزارة الخارجية": the affiliation of an anonymous source
                extended = true;
                words += 1;
                k += 1;
                continue;
            }
            if stop && !extended && self.words.affiliation_preps.contains(n) && k > from && words <= 4 && self.name_after_affiliation(v, from, k, end) {
                // "المدير الإقليمي لدائرة المشرق في البنك جان كريستوف كاريه": an affiliation, then the name
                extended = true;
                words += 1;
                k += 1;
                continue;
            }
            if stop && k > from && n.starts_with(clitic::LI_ARTICLE) && !self.words.press_recipients.contains(n) && k + 1 < end && v.is_word(k + 1) {
                // "المدير العام للوكالة رافائيل غروسي": a genitive when the phrase goes on with a name
                let next = v.norm(k + 1);
                if !self.stops.contains(next) && !self.words.is_complementizer(next) && self.is_cue_at(v, k + 1).is_none() {
                    words += 1;
                    last_word = Some(k);
                    k += 1;
                    continue;
                }
            }
            // "علي يوسف": the name علي (written with ي) is not the preposition على
            let name_ali = self.words.name_homographs.contains(n) && v.doc.tokens.text(v.doc.text(), k).ends_with('ي') && k + 1 < end && v.is_word(k + 1) && !self.stops.contains(v.norm(k + 1)) && !self.words.is_complementizer(v.norm(k + 1));
            if (stop && !name_ali) || self.words.is_complementizer(n) || (k > from && self.is_clause_cue(v, k)) {
                break;
            }
            if self.is_cue_at(v, k).is_some() {
                break;
            }
            words += 1;
            last_word = Some(k);
            k += 1;
        }
        (from, k)
    }

    /// Read a speaker phrase backward from the verb at `verb` (SVO order).
    fn speaker_backward(&self, v: &View, verb: usize, sent_start: usize) -> (usize, usize) {
        // "مسؤول في المجلس طلب عدم الكشف عن هويته قال": skip the anonymity clause
        let lo = verb.saturating_sub(MAX_BACKWARD_WORDS + 1).max(sent_start);
        if let Some(w) = (lo..verb).rev().find(|&k| {
            k + 1 < verb && v.is_word(k) && v.is_word(k + 1) && self.veil.contains(v.norm(k)) && self.disclose.contains(v.norm(k + 1))
        }) {
            if w > sent_start && (w..verb).all(|k| v.is_word(k)) {
                let (a, b) = self.speaker_backward(v, w, sent_start);
                if a < b {
                    return (a, verb);
                }
            }
        }
        // "لكن الحكومة، التي عارضت الحظر، ترى أن…": the subject before an appositive relative clause
        if verb > sent_start + 3 && v.is_true_comma(verb - 1) {
            let lo = verb.saturating_sub(12).max(sent_start + 1);
            if let Some(r) = (lo..verb - 1).rev().find(|&k| v.is_word(k) && self.words.relatives.contains(v.norm(k))) {
                if v.is_true_comma(r - 1) && (r + 1..verb - 1).all(|k| !v.is_comma(k)) && r > sent_start + 1 {
                    let (a, b) = self.speaker_backward(v, r - 1, sent_start);
                    if a < b {
                        return (a, b);
                    }
                }
            }
        }
        // "وكانت الوزارة قد أعلنت": the subject sits between كان and قد
        if verb > sent_start + 1 && v.is_word(verb - 1) && self.words.perfect_particles.contains(v.norm(verb - 1)) {
            let q = verb - 1;
            let mut k = q;
            while k > sent_start && v.is_word(k - 1) && q - k < MAX_BACKWARD_WORDS && !self.words.is_kana(v.norm(k - 1)) {
                k -= 1;
            }
            if k > sent_start && v.is_word(k - 1) && self.words.is_kana(v.norm(k - 1)) && k < q {
                return (k, q);
            }
            return (verb, verb);
        }
        let mut k = verb;
        let mut words = 0;
        while k > sent_start && words < MAX_BACKWARD_WORDS {
            let p = k - 1;
            if !v.is_word(p) {
                break;
            }
            let n = v.norm(p);
            let described = |h: usize| v.is_word(h) && (self.is_anonymous_head(v.norm(h)) || self.pp_heads.contains(v.norm(h)));
            // "الخبير الاقتصادي في جامعة القاهرة هاني توفيق حذر": a head (and an adjective) before في
            let head_before = p > sent_start && (described(p - 1) || p > sent_start + 1 && v.norm(p - 1).starts_with(clitic::ARTICLE) && described(p - 2));
            if self.words.affiliation_preps.contains(n) && head_before && words <= 3 {
                // "مسؤولا في مجلس السيادة": the affiliation of an anonymous source
                words += 1;
                k = p;
                continue;
            }
            if self.stops.contains(n) || self.words.is_complementizer(n) || self.is_cue_at(v, p).is_some() {
                break;
            }
            if self.words.clause_openers.contains(n) {
                break;
            }
            words += 1;
            k = p;
        }
        // "وعن بدايته في الغناء قال إن…": a phrase after a preposition is its object, not the subject
        // (a person named there is the subject: "الخبير في جامعة القاهرة هاني توفيق حذر")
        if k < verb && k > sent_start && v.is_word(k - 1) && self.prepositions.contains(v.norm(k - 1)) {
            let (ps, pe) = (v.doc.tokens[k].start as usize, v.doc.tokens[verb].start as usize);
            if v.words_between(k, verb) <= 2 && !v.doc.entities.iter().any(|e| e.start < pe && e.end > ps && e.entity_type == marsad_doc::EntityType::PER) {
                return (verb, verb);
            }
        }
        // "وأصدرت الوزارة بيانا قالت فيه": a clause-initial و-word before the subject is its verb
        if k + 1 < verb && v.is_word(k) && v.is_word(k + 1) {
            let n = v.norm(k);
            let entity_here = v.doc.entities.iter().any(|e| e.start == v.doc.tokens[k].start as usize);
            if n.starts_with('و') && !n.starts_with(clitic::WA_ARTICLE) && n.chars().count() >= 4 && !entity_here && (k == sent_start || !v.is_word(k - 1)) {
                k += 1;
            }
        }
        (k, verb)
    }

    /// "… في البنك جان كريستوف كاريه": at a في/من stop (token `k`) of a phrase with no person name
    /// yet, a person name starts after one or two plain words.
    fn name_after_affiliation(&self, v: &View, from: usize, k: usize, end: usize) -> bool {
        let doc = v.doc;
        let (ps, pe) = (doc.tokens[from].start as usize, doc.tokens[k].start as usize);
        if doc.entities.iter().any(|e| e.start < pe && e.end > ps && e.entity_type == marsad_doc::EntityType::PER) {
            return false;
        }
        for j in k + 2..(k + 4).min(end) {
            let w = j - 1;
            if !v.is_word(w) || self.stops.contains(v.norm(w)) || self.words.is_complementizer(v.norm(w)) || self.is_cue_at(v, w).is_some() {
                return false;
            }
            let st = doc.tokens[j].start as usize;
            if v.is_word(j) && doc.entities.iter().any(|e| e.start == st && e.entity_type == marsad_doc::EntityType::PER) {
                return true;
            }
        }
        false
    }

    /// The subject phrase of an SVO clause ending with a person's name right before the verb at `i`
    /// ("غندور وصف") or right before a comma and the verb ("…، مهدي المشاط، قال").
    fn named_subject_before(&self, v: &View, i: usize, ss: usize) -> Option<(usize, usize)> {
        let doc = v.doc;
        let t = if i > ss + 1 && v.is_true_comma(i - 1) { i - 2 } else { i.checked_sub(1)? };
        if t < ss || !v.is_word(t) {
            return None;
        }
        let end = doc.tokens[t].end as usize;
        let ent = doc.entities.iter().find(|e| e.end == end && e.entity_type == marsad_doc::EntityType::PER)?;
        let (a, b) = self.speaker_backward(v, t + 1, ss);
        (a < b && (doc.tokens[a].start as usize) <= ent.start).then_some((a, b))
    }

    fn is_anonymous_head(&self, norm: &str) -> bool {
        self.anon_heads.contains(norm)
            || norm.strip_prefix('و').or_else(|| norm.strip_prefix('ل')).is_some_and(|r| self.anon_heads.contains(r))
    }

    fn make_speaker(&self, v: &View, a: usize, b: usize) -> Option<Speaker> {
        // trim punctuation at both ends
        let (mut a, mut b) = (a, b);
        while a < b && !(v.is_word(a) || v.kind(a) == TokenKind::Quote) {
            a += 1;
        }
        while b > a && !(v.is_word(b - 1) || v.kind(b - 1) == TokenKind::Quote) {
            b -= 1;
        }
        if a >= b {
            return None;
        }
        let doc = v.doc;
        // "ووصف هنية المقترح": end the phrase at the last named entity when only a word or two follow it
        let (ps, pe) = (doc.tokens[a].start as usize, doc.tokens[b - 1].end as usize);
        if let Some(e_end) = doc
            .entities
            .iter()
            .filter(|e| e.start >= ps && e.end <= pe && matches!(e.entity_type, marsad_doc::EntityType::PER | marsad_doc::EntityType::ORG))
            .map(|e| e.end)
            .max()
        {
            let nb = doc.tokens.index_at(e_end).max(a + 1);
            let tail = v.words_between(nb, b);
            // "مسؤول في هيئة الموانئ الصومالية": a nationality adjective still describes the speaker
            let adjectives = (nb..b).all(|k| !v.is_word(k) || marsad_entities::nationality(v.norm(k)).is_some() || self.words.speaker_adjectives.contains(v.norm(k)));
            if nb < b && (1..=3).contains(&tail) && !adjectives {
                b = nb;
            }
        }
        let span = doc.token_span(a, b);
        // anonymous source: the head noun is an unnamed source
        let has_entity_name = doc.entities.iter().any(|e| {
            e.start < span.end && e.end > span.start && e.entity_type == marsad_doc::EntityType::PER
        });
        let anonymous = self.is_anonymous_head(v.norm(a)) && !has_entity_name && !(a + 1 < b && self.words.same_source.contains(v.norm(a + 1)));
        let mut affiliation = None;
        if anonymous {
            for k in a + 1..b {
                if !v.is_word(k) {
                    break;
                }
                if self.anon_ranks.contains(v.norm(k)) {
                    continue;
                }
                if self.words.affiliation_preps.contains(v.norm(k)) {
                    if k + 1 < b {
                        affiliation = Some(doc.token_span(k + 1, b).text);
                    }
                    break;
                }
                affiliation = Some(doc.tokens.text(doc.text(), k).to_string());
                break;
            }
        }
        let actor = if anonymous { None } else { actor_for(doc, span.start, span.end, a, b) };
        Some(Speaker { start: span.start, end: span.end, text: span.text, actor, anonymous, affiliation })
    }

    /// Subject of the clause: the phrase after the first word of the sentence, if that word is a و/ف-verb.
    fn clause_subject(&self, v: &View, sent_start: usize, sent_end: usize) -> Option<Speaker> {
        let mut first = (sent_start..sent_end).find(|&k| v.is_word(k))?;
        // "من جانبه، عبر الوزير عن…": a short discourse phrase and a comma before the verb
        let marker = (first + 1..sent_end.min(first + 4)).find(|&k| v.is_comma(k)).filter(|&c| {
            (first..c).all(|k| v.is_word(k))
                && (self.words.discourse_openers.contains(v.norm(first))
                    // "وقبل يومين، طمأن سعد الجمهور": a time or place phrase opened by و + preposition
                    || v.norm(first).strip_prefix('و').is_some_and(|r| self.stops.contains(r)))
        });
        let mut after_marker = marker.and_then(|c| (c + 1..sent_end).find(|&k| v.is_word(k)));
        // "مقديشو – صعّدت الحكومة…، مؤكدة": after a dateline the sentence opens with its verb
        if after_marker.is_none() {
            if let Some(w) = dateline_end(v, sent_start, sent_end).and_then(|d| (d..sent_end).find(|&k| v.is_word(k))) {
                let n = v.norm(w);
                if !n.starts_with(clitic::ARTICLE) && !self.stops.contains(n) && v.kind(w) != TokenKind::Number {
                    after_marker = Some(w);
                }
            }
        }
        if let Some(w) = after_marker {
            first = w;
        }
        let n = v.norm(first);
        // "وعبر حسابه على…": و + a preposition is no verb either
        let stop = self.stops.contains(n) || n.strip_prefix('و').is_some_and(|r| r.chars().count() >= 2 && self.stops.contains(r));
        if after_marker.is_none() && (!(n.starts_with('و') || n.starts_with('ف')) || stop) || n.chars().count() < 3 {
            return None;
        }
        let (a, b) = self.speaker_forward(v, first + 1, sent_end);
        if a >= b {
            return None;
        }
        let s = self.make_speaker(v, a, b)?;
        // after a discourse phrase, a word that is also a particle (عبر = "expressed" / "via") is taken
        // as the verb only when a named entity follows it
        if stop && !v.doc.entities.iter().any(|e| e.start < s.end && e.end > s.start) {
            return None;
        }
        Some(s)
    }

    /// Find the content marker after `from`; returns (content start, direct quote close if the content is a quotation).
    fn find_marker(&self, v: &View, from: usize, sent_end: usize, info: &CueInfo) -> Option<(usize, Option<usize>)> {
        let n = v.doc.tokens.len();
        let mut k = from;
        let mut words = 0;
        let mut prep_seen = info.prep.is_none();
        let mut end = sent_end;
        while k < end.min(n) {
            match v.kind(k) {
                TokenKind::Quote => {
                    if let Some(close) = v.open_pair(k) {
                        if v.is_content_quote(k, close) {
                            if words > MAX_GAP_WORDS {
                                return None;
                            }
                            if info.strict && !prep_seen {
                                return None;
                            }
                            return Some((k, Some(close)));
                        }
                        words += v.words_between(k + 1, close);
                        k = close + 1;
                        continue;
                    }
                }
                TokenKind::Punct => {
                    if v.norm(k) == ":" {
                        if info.strict && !prep_seen {
                            return None;
                        }
                        // a colon may end the sentence: allow the content to be in the next one
                        if k + 1 < n {
                            end = end.max(v.sentence_range(k + 1).1);
                        }
                        let mut c = k + 1;
                        while c < n && v.kind(c) == TokenKind::Punct {
                            c += 1;
                        }
                        if c < n && v.kind(c) == TokenKind::Quote {
                            if let Some(close) = v.open_pair(c) {
                                return Some((c, Some(close)));
                            }
                        }
                        if words > MAX_GAP_WORDS {
                            return None;
                        }
                        return (c < end).then_some((c, None));
                    }
                    if v.is_final_punct(k) {
                        return None;
                    }
                }
                _ if v.is_word(k) => {
                    let nm = v.norm(k);
                    // "اعتقد الرجل بوجود خطأ، بيد أن الاختبار أثبت…": أن after بيد / غير / إلا / رغم is part of a
                    // conjunction opening a new clause, not the complement of the cue
                    let complementizer = self.words.is_complementizer(nm);
                    if complementizer && k > from && v.is_word(k - 1) && self.conjunctions.contains(v.norm(k - 1)) {
                        return None;
                    }
                    if complementizer {
                        // "وقالت X في إفادة عن مستجدات التحقيق الذي … إنها": إن (hamza below) is the complement
                        // of a reporting verb only, so it may come after a longer circumstantial phrase
                        let inna = v.doc.tokens.text(v.doc.text(), k).starts_with('إ');
                        let gap = if inna { MAX_INNA_GAP_WORDS } else { MAX_GAP_WORDS };
                        if info.strict && !prep_seen || words > gap {
                            return None;
                        }
                        return Some((k + 1, None));
                    }
                    if let Some(p) = &info.prep {
                        if nm == p {
                            prep_seen = true;
                        }
                    }
                    if self.is_cue_at(v, k).is_some() {
                        return None;
                    }
                    words += 1;
                    // past the usual gap only a colon and a quotation can follow
                    // ("وأضاف X في مؤتمر صحفي مشترك مع … في الدوحة: «…»")
                    if words > MAX_COLON_GAP_WORDS {
                        return None;
                    }
                }
                _ => {}
            }
            k += 1;
        }
        None
    }

    /// The content from `start` to the end of the clause: sentence end, next clause cue, or the
    /// closing mark of a quotation opened inside.
    fn content_end(&self, v: &View, start: usize, sent_end: usize) -> usize {
        let n = v.doc.tokens.len();
        let mut k = start;
        let mut end = sent_end.min(n);
        while k < end {
            if v.kind(k) == TokenKind::Quote {
                if let Some(close) = v.open_pair(k) {
                    if close >= end {
                        end = (close + 1).min(n);
                    }
                    k = close + 1;
                    continue;
                }
            }
            if k > start && v.is_final_punct(k) {
                return k;
            }
            // (a clause cue is a cue; a break and a coordinated إن follow a comma)
            if k > start && v.cues[k].is_some() && self.is_clause_cue(v, k) {
                return k - self.conjunction_len(v, k);
            }
            if k > start && v.is_true_comma(k - 1) && (self.break_at(v, k) || self.coordinated_inna_at(v, k)) {
                return k;
            }
            k += 1;
        }
        end
    }

    fn classify(&self, v: &View, a: usize, b: usize) -> (usize, usize, QuoteKind) {
        // trim punctuation
        let (mut a, mut b) = (a, b);
        while a < b && v.kind(a) == TokenKind::Punct {
            a += 1;
        }
        while b > a && (v.kind(b - 1) == TokenKind::Punct) {
            b -= 1;
        }
        // "… على حد تعبيره": a closing attribution phrase is not content
        if let Some(t) = self.tail_at_end(v, a, b) {
            b = t;
            while b > a && (v.kind(b - 1) == TokenKind::Punct) {
                b -= 1;
            }
        }
        if a < b && v.kind(a) == TokenKind::Quote {
            if let Some(close) = v.open_pair(a) {
                if close + 1 == b {
                    return (a + 1, close, QuoteKind::Direct);
                }
            }
        }
        let mut k = a;
        while k < b {
            if v.kind(k) == TokenKind::Quote {
                if let Some(close) = v.open_pair(k) {
                    if v.words_between(k + 1, close) >= 2 {
                        return (a, b, QuoteKind::Mixed);
                    }
                    k = close + 1;
                    continue;
                }
            }
            k += 1;
        }
        (a, b, QuoteKind::Indirect)
    }

    fn content_from_marker(&self, v: &View, start: usize, direct: Option<usize>, sent_end: usize) -> Option<(usize, usize, QuoteKind)> {
        let end = match direct {
            Some(close) => {
                // a quotation directly after the marker: direct unless the clause goes on
                let after = self.content_end(v, close + 1, sent_end.max(close + 1));
                if v.words_between(close + 1, after) > 0 {
                    after
                } else {
                    close + 1
                }
            }
            None => self.content_end(v, start, sent_end),
        };
        let (a, b, kind) = self.classify(v, start, end);
        (v.words_between(a, b) >= 1).then_some((a, b, kind))
    }

    /// The speaker of a verb with no expressed subject (وأضاف، وأشار): the previous speaker when
    /// it spoke within the last few sentences, else the subject of the previous sentence.
    fn implicit_speaker(&self, v: &View, i: usize, last: &Option<Speaker>, last_sentence: Option<u32>) -> Option<Speaker> {
        let here = v.sent[i];
        if let (Some(s), Some(ls)) = (last, last_sentence) {
            if here.saturating_sub(ls) <= 3 {
                return Some(s.clone());
            }
        }
        let (ss, _) = v.sentence_range(i);
        if ss > 0 {
            let (ps, pe) = v.sentence_range(ss - 1);
            if let Some(s) = self.clause_subject(v, ps, pe) {
                return Some(s);
            }
        }
        last.clone()
    }

    /// "أما X فقال": the أما before a ف-cue, with only words between them.
    fn amma_before(&self, v: &View, i: usize, ss: usize) -> Option<usize> {
        if !v.norm(i).starts_with('ف') {
            return None;
        }
        let lo = i.saturating_sub(MAX_SPEAKER_WORDS + 1).max(ss);
        let k = (lo..i).rev().find(|&k| v.is_word(k) && self.words.topic_particles.contains(v.norm(k)))?;
        (k + 1 < i && (k + 1..i).all(|x| v.is_word(x) || v.is_comma(x))).then_some(k)
    }

    /// "بيان صادر عن X", "تقرير صادر عن X": the phrase X after a statement noun and صادر عن/من.
    fn issuer_of_statement(&self, v: &View, a: usize, b: usize, se: usize) -> Option<(usize, usize)> {
        let first = v.norm(a);
        let bare = first.strip_prefix('ل').filter(|r| r.chars().count() >= 3).unwrap_or(first);
        let is_statement = self.statements.contains(bare) || self.documents.contains(bare) || self.words.report_nouns.contains(strip_article_w(bare));
        if !is_statement {
            return None;
        }
        // "بيان صادر عن X", "بيان مشترك صدر عن X"
        let issued = |j: usize| j < se && v.is_word(j) && self.words.issued.contains(v.norm(j));
        let j = (a + 1..(a + 3).min(se)).find(|&j| issued(j))?;
        if (a + 1..j).any(|x| !v.is_word(x)) {
            return None;
        }
        let k = j + 1;
        if !(k < se && v.is_word(k) && self.words.issuer_preps.contains(v.norm(k))) || b < a {
            return None;
        }
        let (ia, ib) = self.speaker_forward(v, k + 1, se);
        (ia < ib).then_some((ia, ib))
    }

    /// "قال إن A، وإن B": the content B after a coordinated إن that follows the content of `f`.
    fn coordinated_content(&self, v: &View, f: &Found) -> Option<Found> {
        let n = v.doc.tokens.len();
        let mut k = f.content.1;
        while k < n && !v.is_word(k) && v.kind(k) != TokenKind::Quote || k < n && v.kind(k) == TokenKind::Quote && v.partner_of(k).is_some_and(|o| o < k) {
            k += 1;
        }
        if k >= n || v.sent[k] != v.sent[f.cue.0.min(n - 1)] || !self.coordinated_inna_at(v, k) {
            return None;
        }
        let (_, se) = v.sentence_range(k);
        let (a, b, kind) = self.content_from_marker(v, k + 1, None, se)?;
        if v.words_between(a, b) < 2 {
            return None;
        }
        Some(Found { cue: f.cue, speaker: f.speaker.clone(), content: (a, b), kind, denial: f.denial, via: f.via.clone() })
    }

    /// "بحسب X، الذي…، فإن": the resumptive فإن after a comma within a few words of `from`.
    fn resumptive_fa_inna(&self, v: &View, from: usize, se: usize) -> Option<usize> {
        let mut words = 0;
        for k in from..se {
            if v.is_word(k) {
                let n = v.norm(k);
                if self.words.is_fa_complementizer(n) && k > from && v.is_comma(k - 1) {
                    return Some(k);
                }
                if self.words.is_complementizer(n) {
                    return None;
                }
                words += 1;
                if words > 15 {
                    return None;
                }
            } else if v.is_final_punct(k) || v.kind(k) == TokenKind::Quote {
                return None;
            }
        }
        None
    }

    /// Start of a tail phrase (على حد تعبيره) ending exactly at token `b`, if any.
    fn tail_at_end(&self, v: &View, a: usize, b: usize) -> Option<usize> {
        // (one test for the common case: the content does not end with the last word of a tail)
        if b == 0 || !self.tail_ends.contains(v.norm(b - 1)) {
            return None;
        }
        self.tails.iter().find_map(|t| {
            let n = t.len();
            (b > a + n && (0..n).all(|j| v.is_word(b - n + j) && v.norm(b - n + j) == t[j])).then(|| b - n)
        })
    }

    /// Whether a tail phrase starts at token i.
    fn tail_at(&self, v: &View, i: usize) -> bool {
        self.tails.iter().any(|t| (0..t.len()).all(|j| i + j < v.doc.tokens.len() && v.is_word(i + j) && v.norm(i + j) == t[j]))
    }

    /// Whether sentence `s` mentions an issued statement (وقالت الوزارة في بيان).
    fn sentence_has_statement(&self, v: &View, s: u32) -> bool {
        let a = v.sent.partition_point(|&x| x < s);
        let b = v.sent.len();
        (a..b).take_while(|&k| v.sent[k] == s).any(|k| v.is_word(k) && self.statements.contains(v.norm(k)))
    }

    /// "اتهم X «أطرافا…» بالسعي…", "حذر من «…»": a quotation in the object of the cue (within the
    /// clause, a few words after it) makes the content, from the quotation to the end of the clause.
    /// Only when no complementiser comes first (then the ordinary rule applies).
    fn quoted_object(&self, v: &View, cue: (usize, usize), from: usize, se: usize, info: &CueInfo, spk: &mut Option<Speaker>) -> Option<Found> {
        let mut k = from;
        let mut words = 0;
        while k < se && words <= MAX_GAP_WORDS {
            match v.kind(k) {
                TokenKind::Quote => {
                    let close = v.open_pair(k)?;
                    if close <= k || v.words_between(k + 1, close) < 2 {
                        return None;
                    }
                    // only quoted material governed by the cue: right after its preposition
                    // ("توعد بـ«…»"، "حذر من «…»") or followed by the ب of the charge ("اتهم «…» بالسعي");
                    // a quoted name ("مسلسل «…»"، "شركة «…» الأميركية") is not content
                    let prev = (k > from && v.is_word(k - 1)).then(|| v.norm(k - 1));
                    let prep_ok = prev.is_some_and(|p| p == clitic::BI || info.prep.as_deref() == Some(p));
                    let after = close + 1;
                    let charge_ok = info.prep.is_none() && after < se && v.is_word(after) && {
                        let n = v.norm(after);
                        n.starts_with('ب') && n.chars().count() >= 4 && !self.stops.contains(n) && !self.words.is_complementizer(n)
                    };
                    if !(prep_ok || charge_ok) || prev.is_some_and(|p| self.name_heads.contains(p)) {
                        return None;
                    }
                    let mut end = self.content_end(v, k, se);
                    // "توعد بـ«…»، في ظل…": a comma after the quotation closes the object
                    if close + 1 < end && v.is_comma(close + 1) {
                        end = close + 1;
                    }
                    let (a, b, kind) = self.classify(v, k, end);
                    if v.words_between(a, b) < 3 {
                        return None;
                    }
                    let kind = if kind == QuoteKind::Indirect { QuoteKind::Mixed } else { kind };
                    return Some(Found { cue, speaker: spk.take(), content: (a, b), kind, denial: info.denial, via: None });
                }
                _ if v.is_word(k) => {
                    if self.words.is_complementizer(v.norm(k)) || (k > from && self.is_clause_cue(v, k)) {
                        return None;
                    }
                    words += 1;
                }
                _ if v.is_comma(k) || v.is_final_punct(k) => return None,
                _ => {}
            }
            k += 1;
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn handle(
        &self,
        v: &View,
        i: usize,
        len: usize,
        info: &CueInfo,
        last: &Option<Speaker>,
        last_sentence: Option<u32>,
        quotes_in_sentence: bool,
        topic: &mut Option<Speaker>,
    ) -> Option<Found> {
        let (ss, se) = v.sentence_range(i);
        let after = i + len;
        let cue = (i, after);
        match info.class {
            CueClass::According => {
                if self.tail_at(v, i) {
                    return None;
                }
                let mut from = after;
                let mut relayed = false;
                if info.skip_verb && from < se && v.is_word(from) {
                    relayed = self.cue_lookup(v.norm(from)).is_some_and(|c| c.class == CueClass::Relay);
                    from += 1;
                    // "بحسب ما أفاد به مراسل…": the pronoun-preposition of the relative verb
                    if from < se && v.is_word(from) && self.words.relative_pronoun_preps.contains(v.norm(from)) {
                        from += 1;
                    }
                }
                // (with or without a conjunction: ووفقا للمرصد)
                let cue_norm = v.norm(i);
                let strip_l = self.words.according_lam.contains(cue_norm)
                    || cue_norm.strip_prefix(['و', 'ف']).is_some_and(|r| self.words.according_lam.contains(r));
                let (mut a, mut b) = self.speaker_forward(v, from, se);
                if a >= b {
                    return None;
                }
                if relayed {
                    // "وفق ما نقلت الوكالة (سبأ) عن المحافظ": the speaker is the one after عن
                    let k = skip_parenthetical(v, b, se);
                    if k < se && v.is_word(k) && self.words.source_preps.contains(v.norm(k)) {
                        let (ra, rb) = self.speaker_forward(v, k + 1, se);
                        if ra < rb {
                            (a, b) = (ra, rb);
                        }
                    }
                }
                // "وفقا للقانون"، "وفق التعديلات": a norm or plan, not a source
                let head = v.norm(a);
                let head_l = match head.strip_prefix(clitic::LI_ARTICLE) {
                    Some(r) => format!("{}{r}", clitic::ARTICLE),
                    None => head.strip_prefix('ل').filter(|r| r.chars().count() >= 3).unwrap_or(head).to_string(),
                };
                if [head, head_l.as_str()].iter().any(|h| self.nonagents.contains(h) || self.nonagents.contains(strip_article_w(h))) {
                    return None;
                }
                // "ووفقا لبيان صادر عن سلطة المياه": the issuer of the statement is the source
                let issued = self.issuer_of_statement(v, a, b, se);
                if let Some((ia, ib)) = issued {
                    (a, b) = (ia, ib);
                }
                let mut speaker = self.make_speaker(v, a, b)?;
                if strip_l && issued.is_none() && v.norm(a).starts_with('ل') {
                    let doc = v.doc;
                    let sp = doc.span(speaker.start + 1, speaker.end);
                    speaker.start = sp.start;
                    speaker.text = sp.text;
                }
                from = b;
                let words_before = (ss..i).filter(|&k| v.is_word(k)).count();
                // "أكدت الوزارة على لسان المتحدث باسمها أن…": a modifier of a reporting verb, which the verb handles
                let lo = i.saturating_sub(10).max(ss);
                if (lo..i).any(|k| self.is_cue_at(v, k).is_some_and(|(_, c)| c.class != CueClass::According)) {
                    return None;
                }
                let (ca, cb) = if words_before >= 3 {
                    // "…، بحسب المصادر": the clause before the cue
                    (ss, i)
                } else {
                    let mut k = from;
                    while k < se && v.kind(k) == TokenKind::Punct {
                        k += 1;
                    }
                    if k < se && v.is_word(k) && self.words.is_complementizer(v.norm(k)) {
                        k += 1;
                    } else if let Some(f) = self.resumptive_fa_inna(v, from, se) {
                        // "وبحسب المرصد، الذي يتخذ من لندن مقرا، فإن…": the content starts after فإن
                        k = f + 1;
                    }
                    // "وبحسب وكالة الأنباء، قال الرئيس إن…": the verb after it carries the quote
                    if let Some(w) = (k..se).find(|&x| v.is_word(x)) {
                        if self.is_cue_at(v, w).is_some() {
                            return None;
                        }
                    }
                    (k, self.content_end(v, k, se))
                };
                let (a, b, kind) = self.classify(v, ca, cb);
                if v.words_between(a, b) < 2 {
                    return None;
                }
                // "قتل خمسة…، بحسب ما أعلنت الوزارة" in the lead: the news itself, not a statement
                if ca == ss && kind == QuoteKind::Indirect && v.is_lead_sentence(i) {
                    return None;
                }
                Some(Found { cue, speaker: Some(speaker), content: (a, b), kind, denial: info.denial, via: None })
            }
            CueClass::Relay => {
                // نقل [via] عن speaker [قوله] إن …
                let (va, vb) = self.speaker_forward(v, after, se);
                let mut k = skip_parenthetical(v, vb, se);
                while k < se && v.is_comma(k) {
                    k += 1;
                }
                if !(k < se && v.is_word(k) && self.words.source_preps.contains(v.norm(k))) {
                    return None;
                }
                let (sa, sb) = self.speaker_forward(v, k + 1, se);
                let speaker = self.make_speaker(v, sa, sb)?;
                let via = if va < vb {
                    self.make_speaker(v, va, vb).map(speaker_to_actor)
                } else {
                    last.clone().map(speaker_to_actor)
                };
                let (start, direct) = self.find_marker(v, sb, se, info)?;
                let (a, b, kind) = self.content_from_marker(v, start, direct, se)?;
                Some(Found { cue, speaker: Some(speaker), content: (a, b), kind, denial: info.denial, via })
            }
            CueClass::Verb | CueClass::Participle => {
                let (mut spk, from) = if info.class == CueClass::Participle {
                    let s = if quotes_in_sentence {
                        last.clone()
                    } else {
                        self.clause_subject(v, ss, se).or_else(|| last.clone())
                    };
                    (s, after)
                } else {
                    // skip a pronoun-preposition (نفت فيه)
                    let mut from = after;
                    if from < se && v.is_word(from) && self.words.verb_pronoun_preps.contains(v.norm(from)) {
                        from += 1;
                    }
                    // "هدد الشهر الماضي بأن…": a time expression after the verb is not its subject
                    if from < se && v.is_word(from) {
                        let st = v.doc.tokens[from].start as usize;
                        if let Some(t) = v.doc.times.iter().find(|t| t.start <= st && st < t.end) {
                            while from < se && (v.doc.tokens[from].start as usize) < t.end {
                                from += 1;
                            }
                        }
                    }
                    let relative = i > ss + 1 && v.is_word(i - 1) && self.words.is_relative_any(v.norm(i - 1).strip_prefix('و').unwrap_or(v.norm(i - 1)));
                    // "…، والتي طالبت بـ…": a coordinated relative clause refers far back: no statement
                    if relative && v.norm(i - 1).starts_with('و') {
                        return None;
                    }
                    // "لكن غندور وصف المحادثات بأنها…"، "أن المشاط، قال إنه…": a person named right before the
                    // verb (or before a comma and the verb) is its subject; the phrase after the verb is its object
                    let bare_verb = self.single.contains_key(v.norm(i)) || !(v.norm(i).starts_with('و') || v.norm(i).starts_with('ف'));
                    if !relative && bare_verb {
                        if let Some(sv) = self.named_subject_before(v, i, ss) {
                            if let Some(s) = self.make_speaker(v, sv.0, sv.1) {
                                topic.clone_from(&Some(s.clone()));
                                let mut from = from;
                                while from < se && v.is_comma(from) {
                                    from += 1;
                                }
                                if info.qobj {
                                    let mut spk = Some(s.clone());
                                    if let Some(f) = self.quoted_object(v, cue, from, se, info, &mut spk) {
                                        return Some(f);
                                    }
                                }
                                let (start, direct) = self.find_marker(v, from, se, info)?;
                                let (ca, cb, kind) = self.content_from_marker(v, start, direct, se)?;
                                return Some(Found { cue, speaker: Some(s), content: (ca, cb), kind, denial: info.denial, via: None });
                            }
                        }
                    }
                    let (a, b) = if relative { (from, from) } else { self.speaker_forward(v, from, se) };
                    // "وتوعدت بالرد…": a ب-phrase right after a cue that takes ب is its object, not its subject
                    // (unless a name starts there: بايدن، بوتين)
                    let (a, b) = if a < b && (info.prep.as_deref() == Some(clitic::BI) || info.qobj) && v.is_word(a) && v.norm(a).starts_with('ب') && v.norm(a).chars().count() >= 3 && !v.doc.entities.iter().any(|e| e.start == v.doc.tokens[a].start as usize) { (from, from) } else { (a, b) };
                    // "توعدت الحركة بالرد": the ب-object after the subject ends the subject phrase
                    let (a, b) = if a < b && info.prep.as_deref() == Some(clitic::BI) {
                        (a, (a + 1..b).find(|&k| v.is_word(k) && v.norm(k).starts_with(clitic::BI_ARTICLE) && v.norm(k).chars().count() >= 5).unwrap_or(b))
                    } else {
                        (a, b)
                    };
                    // "اتهم «جهات…» بـ…": a quotation right after the verb is its object, not its subject
                    let (a, b) = if info.qobj && (a..b).any(|k| v.kind(k) == TokenKind::Quote) { (from, from) } else { (a, b) };
                    // "رحب الوزير بالخطوة، ودعا الاتحاد إلى «…»": after a comma, a coordinated verb with a
                    // required-preposition reading has its object (the addressee) before the preposition;
                    // the speaker is the subject of the clause
                    if a < b && !relative && info.prep.is_some() && i > ss + 2 && v.is_comma(i - 1) && v.norm(i).starts_with('و') && v.words_between(a, b) <= 3 && b < se && v.is_word(b) && info.prep.as_deref().is_some_and(|p| v.norm(b) == p) {
                        if let Some(subj) = self.clause_subject(v, ss, se).or_else(|| self.implicit_speaker(v, i, last, last_sentence)) {
                            if let Some((start, direct)) = self.find_marker(v, b, se, info) {
                                let (ca, cb, kind) = self.content_from_marker(v, start, direct, se)?;
                                return Some(Found { cue, speaker: Some(subj), content: (ca, cb), kind, denial: info.denial, via: None });
                            }
                        }
                    }
                    // "وذكرت الوكالة (واع) عن الوزير قوله إن…": a relay expressed with a verb
                    if a < b && !relative {
                        let k = skip_parenthetical(v, b, se);
                        if k + 1 < se && v.is_word(k) && self.words.source_preps.contains(v.norm(k)) {
                            let (ra, rb) = self.speaker_forward(v, k + 1, se);
                            if ra < rb && rb < se && v.is_word(rb) && self.words.saying_nouns.iter().any(|w| v.norm(rb).starts_with(w.as_str())) {
                                if let Some(s) = self.make_speaker(v, ra, rb) {
                                    let via = self.make_speaker(v, a, b).map(speaker_to_actor);
                                    if let Some((start, direct)) = self.find_marker(v, rb + 1, se, info) {
                                        let (ca, cb, kind) = self.content_from_marker(v, start, direct, se)?;
                                        return Some(Found { cue, speaker: Some(s), content: (ca, cb), kind, denial: info.denial, via });
                                    }
                                }
                            }
                        }
                    }
                    if relative {
                        // "الأمم المتحدة التي تصف الأزمة بأنها…": the antecedent of the relative pronoun
                        let (mut a, mut b) = self.speaker_backward(v, i - 1, ss);
                        // "المدير العام رافائيل غروسي، الذي قال": the antecedent before the comma
                        if a >= b && i > ss + 2 && v.is_true_comma(i - 2) {
                            (a, b) = self.speaker_backward(v, i - 2, ss);
                        }
                        (if a < b { self.make_speaker(v, a, b) } else { None }, from)
                    } else if a < b {
                        // "وقال بيان مشترك صدر عن البلدين إن…": the issuer speaks
                        let (a, b) = self.issuer_of_statement(v, a, b, se).unwrap_or((a, b));
                        let s = self.make_speaker(v, a, b);
                        // a reporting verb with an explicit subject makes it the current speaker,
                        // even when no content follows (نفت الحركة الاتهامات، وقالت إن…);
                        // not a coordinated verb whose next phrase may be its object (، واتهمت الجيش بـ…)
                        if !(info.qobj && i > ss && v.is_true_comma(i - 1)) {
                            topic.clone_from(&s);
                        }
                        (s, b)
                    } else if let Some(ama) = self.amma_before(v, i, ss) {
                        // "أما الوزير فقال إن…": the topic after أما is the speaker
                        let s = self.make_speaker(v, ama + 1, i);
                        topic.clone_from(&s);
                        (s, from)
                    } else {
                        let proclitic = v.norm(i).starts_with('و') || v.norm(i).starts_with('ف');
                        let mut s = None;
                        if !proclitic && i > ss {
                            let (a, b) = self.speaker_backward(v, i, ss);
                            if a < b {
                                s = self.make_speaker(v, a, b);
                            }
                        }
                        // "رحب الوزير بالموقف، وقال في تصريح إن…"، "بعث X برسالة، أكد فيها أن…": a verb with no
                        // subject after a comma shares the subject of the sentence's clause
                        if s.is_none() && !quotes_in_sentence && i > ss + 2 && v.is_true_comma(i - 1) {
                            let cue_start = v.doc.tokens[i].start as usize;
                            // only a named or unnamed source, not any phrase after the first verb ("ومع تزايد أعداد…")
                            s = self.clause_subject(v, ss, se).filter(|c| {
                                c.end <= cue_start
                                    && (c.anonymous
                                        || v.doc.entities.iter().any(|e| e.start < c.end && e.end > c.start && matches!(e.entity_type, marsad_doc::EntityType::PER | marsad_doc::EntityType::ORG)))
                            });
                        }
                        (s.or_else(|| self.implicit_speaker(v, i, last, last_sentence)), from)
                    }
                };
                // "وأضاف البيان أن…": the statement stands for its author, the previous speaker
                // (a statement noun is one word: normalisation keeps spaces, so a phrase is none)
                if spk.as_ref().is_some_and(|s| !s.text.contains(' ') && self.documents.contains(normalize_str(&s.text).as_str()))
                    && last.is_some()
                    && last_sentence.is_some_and(|ls| self.sentence_has_statement(v, ls))
                {
                    spk.clone_from(last);
                }
                let mut from = from;
                while from < se && v.is_comma(from) {
                    from += 1;
                }
                if info.qobj {
                    if let Some(f) = self.quoted_object(v, cue, from, se, info, &mut spk) {
                        return Some(f);
                    }
                }
                match self.find_marker(v, from, se, info) {
                    Some((start, direct)) => {
                        let (a, b, kind) = self.content_from_marker(v, start, direct, se)?;
                        Some(Found { cue, speaker: spk.take(), content: (a, b), kind, denial: info.denial, via: None })
                    }
                    None => {
                        // «…»، قال فلان: a quotation just before the cue
                        let mut p = i;
                        while p > 0 && v.is_comma(p - 1) {
                            p -= 1;
                        }
                        if p == 0 || v.kind(p - 1) != TokenKind::Quote {
                            return None;
                        }
                        let close = p - 1;
                        let open = v.partner_of(close)?;
                        if open >= close || v.words_between(open + 1, close) < 2 {
                            return None;
                        }
                        // the speaker must be explicit here
                        let (a, b) = self.speaker_forward(v, after, se);
                        let speaker = if a < b { self.make_speaker(v, a, b) } else { spk.take() };
                        Some(Found { cue, speaker, content: (open + 1, close), kind: QuoteKind::Direct, denial: info.denial, via: None })
                    }
                }
            }
        }
    }
}

/// The date of the statement: the time expression of the cue's sentence nearest the cue that is
/// not part of the reported content (a date inside the content is what was talked about), as
/// resolved by the time layer; else the article date.
fn statement_date(doc: &Doc, cue_start: usize, cue_end: usize, content_start: usize, content_end: usize) -> String {
    let Some(s) = doc.sentence_at(cue_start) else { return doc.date.clone() };
    let sent = doc.sentences[s];
    let best = doc
        .times
        .iter()
        .filter(|t| t.start >= sent.start && t.end <= sent.end)
        .filter(|t| !(t.start < content_end && content_start < t.end))
        .filter(|t| !t.value.starts_with('P') || t.value == "PRESENT_REF")
        .min_by_key(|t| if t.end <= cue_start { cue_start - t.end } else { t.start.saturating_sub(cue_end) });
    best.and_then(|t| marsad_times::date_for(doc, t.start, t.end)).unwrap_or_else(|| doc.date.clone())
}

/// "«A»، قال X، «B»": a quotation split by the cue. When `f` took the part after the cue, the
/// part before it (a quotation closed just before the cue, after a comma) is a second quote of the
/// same speaker.
fn split_first_part(v: &View, f: &Found, out: &[Found]) -> Option<Found> {
    if f.kind != QuoteKind::Direct || f.content.0 <= f.cue.0 || f.speaker.is_none() {
        return None;
    }
    let mut p = f.cue.0;
    let mut commas = 0;
    while p > 0 && v.is_comma(p - 1) {
        p -= 1;
        commas += 1;
    }
    if commas == 0 || p == 0 || v.kind(p - 1) != TokenKind::Quote {
        return None;
    }
    let close = p - 1;
    let open = v.partner_of(close)?;
    if open >= close || v.words_between(open + 1, close) < 2 || v.sent[open] != v.sent[f.cue.0] && !v.quote_ends_sentence(close) {
        return None;
    }
    // the part after the cue must follow it directly (قال X، «B»)
    let mut k = f.content.0;
    while k > f.cue.1 && !v.is_word(k - 1) {
        k -= 1;
    }
    if v.words_between(f.cue.1, k) > MAX_SPEAKER_WORDS {
        return None;
    }
    if out.iter().any(|q| q.content.0 <= close && open < q.content.1) {
        return None;
    }
    Some(Found { cue: f.cue, speaker: f.speaker.clone(), content: (open + 1, close), kind: QuoteKind::Direct, denial: f.denial, via: f.via.clone() })
}

/// A normalised word without the article ال.
fn strip_article_w(norm: &str) -> &str {
    match norm.strip_prefix(clitic::ARTICLE) {
        Some(r) if r.chars().count() >= 2 => r,
        _ => norm,
    }
}

/// Skip a short parenthesis at token k ("وكالة الأنباء (سبأ) عن"): the token after it, else k.
fn skip_parenthetical(v: &View, k: usize, end: usize) -> usize {
    if k >= end || v.is_word(k) || v.doc.tokens.text(v.doc.text(), k) != "(" {
        return k;
    }
    let mut j = k + 1;
    while j < end && j <= k + 6 {
        if !v.is_word(j) && v.doc.tokens.text(v.doc.text(), j) == ")" {
            return j + 1;
        }
        j += 1;
    }
    k
}

/// The first word of a phrase, normalised, without و and the article.
fn head_word(text: &str) -> String {
    let w = text.split_whitespace().next().unwrap_or("");
    let n = normalize_str(w.trim_matches(|c: char| !c.is_alphanumeric()));
    let n = n.strip_prefix('و').filter(|r| r.starts_with(clitic::ARTICLE)).unwrap_or(&n);
    n.strip_prefix(clitic::ARTICLE).unwrap_or(n).to_string()
}

/// "الصحيفة", "الوزارة", "الحركة": a one-word definite speaker with no actor refers back to the
/// last speaker or entity with the same head noun (صحيفة "واشنطن بوست", وزارة الخارجية العراقية);
/// it keeps its own span and takes that actor id.
fn resolve_definite_anaphors(doc: &Doc, found: &mut [Found], anaphors: &HashMap<String, Vec<String>>, same_source: &WordSet) {
    // the head word of each speaker, read once when first compared (the text of a speaker never changes here)
    let mut heads: Vec<Option<String>> = vec![None; found.len()];
    for i in 0..found.len() {
        let Some(sp) = &found[i].speaker else { continue };
        // (a speaker with an actor needs nothing)
        if sp.actor.is_some() {
            continue;
        }
        let mut ws = sp.text.split_whitespace();
        let (first, second, third) = (ws.next(), ws.next(), ws.next());
        let one_word = first.is_some() && second.is_none();
        if let (Some(w1), None) = (second, third) {
            if same_source.contains(normalize_str(w1).as_str()) {
                // "المصدر ذاته": the previous speaker
                let prev = found[..i].iter().rev().filter_map(|q| q.speaker.as_ref()).find(|s| s.actor.is_some());
                if let Some(a) = prev.and_then(|s| s.actor.clone()) {
                    if let Some(sp) = found[i].speaker.as_mut() {
                        sp.actor = Some(a);
                    }
                }
                continue;
            }
        }
        if sp.anonymous || !one_word {
            continue;
        }
        let norm = normalize_str(&sp.text);
        let bare = norm.strip_prefix('و').unwrap_or(&norm);
        if !bare.starts_with(clitic::ARTICLE) || bare.chars().count() < 5 {
            continue;
        }
        let head = head_word(&sp.text);
        let start = sp.start;
        let from_quotes = (0..i).rev().filter_map(|j| Some((j, found[j].speaker.as_ref()?))).find(|(j, s)| {
            s.actor.is_some() && s.start < start && s.text.split_whitespace().count() > 1 && *heads[*j].get_or_insert_with(|| head_word(&s.text)) == head
        }).map(|(_, s)| s);
        let actor = from_quotes.and_then(|s| s.actor.clone()).or_else(|| {
            doc.entities
                .iter()
                .rev()
                .filter(|e| e.end <= start && e.actor.is_some() && e.text.split_whitespace().count() > 1)
                .filter(|e| {
                    // entities only from this sentence or the one before
                    match (doc.sentence_at(e.start), doc.sentence_at(start)) {
                        (Some(a), Some(b)) => b - a.min(b) <= 1,
                        _ => false,
                    }
                })
                .find(|e| head_word(&e.text) == head)
                .and_then(|e| e.actor.clone())
        });
        // "الحوثيون … وقالت الجماعة": the last organisation of a matching sector, a few sentences back
        let actor = actor.or_else(|| {
            let sectors = anaphors.get(&normalize_str(&head))?;
            let here = doc.sentence_at(start)?;
            doc.entities
                .iter()
                .rev()
                .filter(|e| e.end <= start && e.entity_type == marsad_doc::EntityType::ORG)
                .take_while(|e| doc.sentence_at(e.start).is_some_and(|s| here - s.min(here) <= 4))
                .filter_map(|e| e.actor.as_deref())
                .find(|id| marsad_entities::actor(id).and_then(|a| a.sector).is_some_and(|sec| sectors.contains(&sec)))
                .map(str::to_string)
        });
        if let (Some(a), Some(sp)) = (actor, found[i].speaker.as_mut()) {
            sp.actor = Some(a);
        }
    }
}

fn speaker_to_actor(s: Speaker) -> ActorSpan {
    ActorSpan { start: s.start, end: s.end, text: s.text, actor: s.actor, country: None, sector: None }
}

/// Actor id for a speaker span: the entity inside it (persons first), else a description.
fn actor_for(doc: &Doc, start: usize, end: usize, first: usize, last: usize) -> Option<String> {
    use marsad_doc::EntityType::*;
    let rank = |t| match t {
        PER => 0,
        ORG => 1,
        GPE => 2,
        _ => 3,
    };
    doc.entities
        .iter()
        .filter(|e| e.start < end && e.end > start && e.actor.is_some())
        // a place names the speaker only when it is the speaker (واشنطن), not a modifier (المحكمة بالقصرين)
        .filter(|e| matches!(e.entity_type, PER | ORG) || e.start <= start)
        .min_by_key(|e| (rank(e.entity_type), usize::MAX - e.end))
        .and_then(|e| e.actor.clone())
        .or_else(|| marsad_entities::describe(doc, first, last).map(|a| a.id))
}

impl Annotator for QuoteAnnotator {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn annotate(&self, doc: &mut Doc) {
        let found = {
            let v = View::new(doc, self);
            let n = doc.tokens.len();
            let mut out: Vec<Found> = Vec::new();
            let mut last: Option<Speaker> = None;
            let mut last_sentence: Option<u32> = None;
            let mut i = v.body_start;
            while i < n {
                let Some((len, info)) = self.is_cue_at(&v, i) else {
                    i += 1;
                    continue;
                };
                let in_sentence = last_sentence == Some(v.sent[i]);
                let mut topic = None;
                let found = self.handle(&v, i, len, info, &last, last_sentence, in_sentence, &mut topic);
                // "بحسب ما أفادت صحيفة «القبس»": the relative verb read by the "according" cue is no cue itself
                let skipped_verb = info.skip_verb && i + len < n && v.is_word(i + len) && self.is_cue_at(&v, i + len).is_some();
                if found.is_none() && topic.is_some() {
                    last = topic;
                    last_sentence = Some(v.sent[i]);
                }
                if let Some(f) = found {
                    let dup = out.iter().any(|q| q.content.0 < f.content.1 && f.content.0 < q.content.1);
                    if !dup {
                        if f.speaker.is_some() {
                            last = f.speaker.clone();
                        }
                        last_sentence = Some(v.sent[i]);
                        if let Some(p) = split_first_part(&v, &f, &out) {
                            out.push(p);
                        }
                        let mut next = self.coordinated_content(&v, &f);
                        out.push(f);
                        // "قال إن A، وإن B": B is a second statement of the same speaker
                        while let Some(g) = next {
                            next = self.coordinated_content(&v, &g);
                            out.push(g);
                        }
                    }
                }
                i += len + usize::from(skipped_verb);
            }
            out
        };
        let mut found = found;
        resolve_definite_anaphors(doc, &mut found, &self.anaphors, &self.words.same_source);
        let mut quotes = Vec::with_capacity(found.len());
        for f in found {
            let cue = doc.token_span(f.cue.0, f.cue.1);
            let content = doc.token_span(f.content.0, f.content.1);
            if content.start >= content.end {
                continue;
            }
            let date = statement_date(doc, cue.start, cue.end, content.start, content.end);
            quotes.push(Quote { kind: f.kind, cue, speaker: f.speaker, content, date: Some(date), denial: f.denial, via: f.via });
        }
        doc.quotes = quotes;
    }
}

#[cfg(test)]
mod tests;
