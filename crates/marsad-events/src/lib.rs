//! # marsad-events
//!
//! PLOVER political events: type, mode, source, target, date, place, counts.
//! Adds the `events` layer of a [`marsad_doc::Doc`].
//!
//! Triggers (verbs with their conjugations, verbal nouns, multi-word cues)
//! come from `data/events/triggers.tsv`; each maps to a PLOVER type and mode
//! and carries an argument frame. Arguments are found with word-order rules
//! (subject after the verb or before it, على/ضد/نحو for targets, مع and
//! بين…و for partners, relative clauses "الهجوم الذي شنته حماس", genitives
//! "هجمات الميليشيات", nationality adjectives "ضربات أميركية", agents
//! "من قبل"). Actors come from the entity layer when it found a mention, and
//! otherwise from the layer's own table: countries, capitals (GOV) and
//! nationality adjectives from the entity knowledge base
//! (`marsad_entities::countries()`, the project's one country table), the
//! seats of government, regions and blocs of `data/events/country_extras.tsv`,
//! and the armed groups and description heads of `data/events/groups.tsv`.
//!
//! Function words and affixes that the rules name (من, في, purpose
//! conjunctions, forms of كان, قد, detached and suffixed pronouns, nisba and
//! nationality endings, present prefixes …) are lists of
//! `data/events/function_words.tsv`, read into `lexicon::FunctionWords` and
//! referred to by English list names; the classes of `cues.tsv` and the verb
//! affixes of `verb_affixes.tsv` likewise. The only Arabic letters left in
//! the code are the proclitics of the prefix-stripping steps: the
//! conjunctions و/ف, the prepositions ب/ل/ك, the article ال (and لل, ل + ال
//! with the alif dropped), as in `lexicon::variants`.
//!
//! Rules for unseen articles (round 2): a title extends over its genitive
//! chain to the named holder ("رئيس حكومه … نجيب ميقاتي") or, after "باسم",
//! to the organisation spoken for; a bare head repeating the first word of an
//! organisation named earlier ("الاتحاد") stands for it; towns are never
//! sources; an indefinite noun before a present-tense verb is its subject
//! (adjectival clause); an instrument noun ("ورد الجيش بقصف …") takes the
//! subject of its verb; a verb coordinated after a comma shares the subject of
//! the clause before; a statement event inside a quotation without a subject
//! takes the quote's speaker (the quote layer runs first); a possessive head
//! ("مقاتليه") resolves to the named actor before the complementizer; an
//! ASSAULT without a target hits the place where it happened.
//!
//! Round 3 (unseen articles): events said not to have happened (negated,
//! "نفت ان تكون قد …") are not reported, except that a refusal to talk or
//! agree ("لن يتفاوض") is a REJECT; a meeting or visit still to come is an
//! AGREE; participles of circumstantial clauses ("…، متهما اسرائيل بـ",
//! "داعيا الاداره الاميركيه الي") take the clause's subject (a quotation's
//! speaker, the event before, or the first verb's subject); so do verbs
//! coordinated after a comma, pronoun subjects ("وانها اعتقلت"), possessive
//! event nouns ("هجماتها") and the verbal noun after an aspectual verb
//! ("يواصل استهداف"); a noun followed by a verb with a resumptive pronoun
//! ("اقتحام واسع شنه الجيش") takes that verb's subject; a condemned or
//! rejected object that is an earlier event or statement ("ادانت … الضربات",
//! "تصريحات رفضتها") targets its author, and "بقرار السلطات" its named author;
//! "الجانبان"/"الوزيران" are the two parties of the last two-sided event;
//! "الاخير" the person named last; a counted noun after ASSAULT/COERCE verbs is
//! a passive's victim ("قتل خمسه فلسطينيين"); verbal nouns demanded or
//! threatened ("تطالب بانسحاب") are no events; coordinated nationality
//! adjectives stay in one argument ("الضربات الاميركيه البريطانيه").
//!
//! Round 4 (precision on unseen news), applied before the document-level
//! merge: a bare description followed by من and a named actor stands for it
//! ("عناصر من جهاز الردع"); events whose only participants name nobody (no
//! actor, country or sector) are dropped, and so are weak triggers without an
//! author ("احتجاجا علي" as a purpose), physical events (ASSAULT, PROTEST,
//! THREATEN, COERCE, MOBILIZE) whose only party is an unknown person
//! ("local:" PER: sport, culture, crime), verbs right after an event noun of
//! another type ("عقوبات استهدفت"), and triggers next to a word of
//! `not_event_before`/`not_event_after` in cues.tsv ("بشكل قاطع", "طرد
//! مركزي", "الهجوم التجاري"). A title without holder followed by a person is
//! that person ("رئيس حزب … سمير جعجع"); names coordinated with the subject of
//! a one-sided event are no target ("دعت فرنسا وبريطانيا … ايران"); a verb
//! after a relative pronoun without a resumptive pronoun takes the name after
//! it as object ("التي ضربت بروكسل"); "قد" + past is a fact, not a
//! possibility. Document merge: a dateless report (headline) stands for one
//! dated report of the article's year only, reports dated in another year are
//! background events of their own; a report without target yields to the same
//! author's report of the same type with a target.

mod lexicon;
mod words;

pub use lexicon::PLOVER_TYPES;
use lexicon::{ends_with_any, starts_with_any, strip_article, ActorKind, Cue, Lexicon, Pos, Trigger};
use marsad_doc::{ActorSpan, Annotator, Count, Counts, Doc, Event, Sentence};
use marsad_text::clitic::{ARTICLE, FUSED_ARTICLE};
use marsad_text::TokenKind;
use std::ops::Range;
use words::{remembered_cues, remembered_fact, WordFacts, WordMemo};

/// The events annotator. Build it once and share it between threads.
pub struct EventAnnotator {
    lex: Lexicon,
    /// Tells this annotator's per-thread word memo (`words`) from another's.
    id: u64,
}

impl std::fmt::Debug for EventAnnotator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EventAnnotator({} triggers)", self.lex.triggers.len())
    }
}

impl Default for EventAnnotator {
    fn default() -> Self {
        Self::new()
    }
}

impl EventAnnotator {
    pub fn new() -> Self {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        EventAnnotator { lex: Lexicon::load(), id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed) }
    }
}

impl Annotator for EventAnnotator {
    fn name(&self) -> &'static str {
        "events"
    }

    fn annotate(&self, doc: &mut Doc) {
        let mut events = self.find_events(doc);
        // An actor acting on itself ("استشهد فلسطيني" read as فلسطيني → فلسطيني)
        // is a misreading of the arguments, never a political event.
        events.retain(|e| !same_participant(e.source.as_ref(), e.target.as_ref()));
        doc.events.extend(events);
    }
}

/// An argument that names nobody: no actor, no country, no sector.
fn fragment(a: &Arg) -> bool {
    a.actor.is_none() && a.country.is_none() && a.sector.is_none()
}

/// The event's only participants are fragments (or it has a fragment and nothing else).
fn only_fragment(c: &Cand) -> bool {
    match (&c.source, &c.target) {
        (Some(s), None) => fragment(s),
        (None, Some(t)) => fragment(t),
        (Some(s), Some(t)) => fragment(s) && fragment(t),
        (None, None) => false,
    }
}

/// Whether source and target are the same participant: the same span, or the
/// same words (e.g. the same nationality noun read twice).
fn same_participant(source: Option<&marsad_doc::ActorSpan>, target: Option<&marsad_doc::ActorSpan>) -> bool {
    match (source, target) {
        (Some(s), Some(t)) => (s.start == t.start && s.end == t.end) || marsad_text::normalize_str(&s.text) == marsad_text::normalize_str(&t.text),
        _ => false,
    }
}

/// An argument found in the text: tokens `first..last`.
#[derive(Debug, Clone)]
struct Arg {
    first: usize,
    last: usize,
    actor: Option<String>,
    country: Option<String>,
    sector: Option<String>,
    /// The first word carries a preposition (ب/ل/ك) or follows one.
    prep: bool,
    kind: ActorKind,
    place: bool,
}

impl Arg {
    /// One word standing for civilians (the counted protesters, the demonstrations).
    fn civilians_at(i: usize) -> Arg {
        Arg {
            first: i,
            last: i + 1,
            actor: None,
            country: None,
            sector: Some("CVL".to_string()),
            prep: false,
            kind: ActorKind::Head,
            place: false,
        }
    }
}

#[derive(Debug, Clone)]
struct Cand {
    trigger: u32,
    first: usize,
    last: usize,
    source: Option<Arg>,
    target: Option<Arg>,
    negated: bool,
    hypothetical: bool,
    sentence: usize,
}

/// Per-document context: which entity starts in which token.
struct Ctx<'m> {
    /// For each token, 1 + index of the entity starting inside it (0 = none).
    ent_at: Vec<u32>,
    /// Token is inside a time expression.
    in_time: Vec<bool>,
    /// Indices of `doc.times` whose value is a calendar date, by start offset.
    dates: Vec<usize>,
    /// For each token, 1 + index of the earlier organisation whose short form it is (0 = none).
    short: Vec<u32>,
    /// Quotations with a speaker: content start and end, cue start (code points), speaker as an argument.
    quotes: Vec<(usize, usize, usize, Arg)>,
    /// The word types met by the thread: cue classes, trigger readings and
    /// facts learnt once per word ([`NO_ACTOR_KEY`], [`NO_NATIONALITY`],
    /// [`VERB_FORM`]…): the rules ask about the same words many times.
    memo: &'m WordMemo,
    /// For each token, its word in `memo`.
    word: Vec<u32>,
}

/// No clitic reading of the word is a key of the actor table.
const NO_ACTOR_KEY: u16 = 1;
/// The word is no nationality adjective of the knowledge base.
const NO_NATIONALITY: u16 = 2;
/// [`VERB_FORM`] and [`VERB_FORM_AFTER_CONJ`] are known.
const VERB_FORMS_KNOWN: u16 = 4;
/// The word is a conjugated form of a trigger verb.
const VERB_FORM: u16 = 8;
/// The word without a leading و is one.
const VERB_FORM_AFTER_CONJ: u16 = 16;
/// [`STATEMENT`] is known.
const STATEMENT_KNOWN: u16 = 32;
/// A statement or decision noun (`statement_at`).
const STATEMENT: u16 = 64;
/// [`PRONOUN2`] is known.
const PRONOUN2_KNOWN: u16 = 128;
/// A verb form with an object pronoun, stem of two letters or more (`verb_with_pronoun`).
const PRONOUN2: u16 = 256;
/// [`PRONOUN3`] is known.
const PRONOUN3_KNOWN: u16 = 512;
/// The same with a stem of three letters or more.
const PRONOUN3: u16 = 1024;

impl<'m> Ctx<'m> {
    /// The facts of token `i`'s word.
    #[inline]
    fn word(&self, i: usize) -> &WordFacts {
        self.memo.facts(self.word[i])
    }

    fn new(doc: &Doc, memo: &'m WordMemo, word: Vec<u32>) -> Self {
        let n = doc.tokens.len();
        let mut ent_at = vec![0u32; n];
        for (k, e) in doc.entities.iter().enumerate() {
            let i = doc.tokens.index_at(e.start);
            if i < n && ent_at[i] == 0 {
                ent_at[i] = k as u32 + 1;
            }
        }
        let mut in_time = vec![false; n];
        for t in &doc.times {
            let mut i = doc.tokens.index_at(t.start);
            while i < n && (doc.tokens[i].start as usize) < t.end {
                in_time[i] = true;
                i += 1;
            }
        }
        let mut dates: Vec<usize> = (0..doc.times.len())
            .filter(|&k| {
                let t = &doc.times[k];
                t.value.as_bytes().first().is_some_and(|b| b.is_ascii_digit()) && t.kind.as_deref() != Some("duration")
            })
            .collect();
        dates.sort_by_key(|&k| doc.times[k].start);
        // Short forms: "الاتحاد" after "الاتحاد الاوروبي", "الجيش" after "الجيش السوداني".
        let mut short = vec![0u32; n];
        // organisations named with more than one word: (first token, short key, 1 + entity index)
        let mut orgs: Vec<(usize, String, u32)> = Vec::new();
        for (i, &k) in ent_at.iter().enumerate() {
            if k > 0 {
                let e = &doc.entities[k as usize - 1];
                let last = doc.tokens.index_at(e.end.saturating_sub(1));
                if matches!(e.entity_type, marsad_doc::EntityType::ORG) && e.actor.is_some() && last > i {
                    // "الاتحاد الاوروبي" → "الاتحاد"; "حركه الشباب" → "الحركه"
                    orgs.push((i, short_key(doc, i, e.start), k));
                }
            }
        }
        // every organisation's short key, for a short form met before the full name (a headline);
        // keys are compared as memo indices of the article forms of the words (a key
        // that is no word's article form has none: no word is that short form)
        let form_of = |key: &str| memo.get(key).unwrap_or(words::NO_ARTICLE_FORM);
        let mut later: Vec<(&str, u32, u32)> = Vec::new();
        for (_, key, k) in &orgs {
            if !later.iter().any(|(x, _, _)| x == key) {
                later.push((key, form_of(key), *k));
            }
        }
        let mut seen: Vec<(&str, u32, u32)> = Vec::new();
        let mut next_org = orgs.iter().peekable();
        let mut unseen = later.len();
        // (without such organisations there is no short form to find)
        let scan_to = if orgs.is_empty() { 0 } else { n };
        for i in 0..scan_to {
            if ent_at[i] > 0 {
                if let Some((_, key, k)) = next_org.next_if(|(j, _, _)| *j == i) {
                    seen.retain(|(x, _, _)| x != key);
                    seen.push((key, form_of(key), *k));
                }
                continue;
            }
            // every short key has the article (`short_key`): other words are none
            let w = memo.facts(word[i]).article_form;
            if w != words::NO_ARTICLE_FORM {
                if let Some(&(_, _, k)) = seen.iter().find(|(_, x, _)| *x == w) {
                    short[i] = k;
                } else if unseen > 0 {
                    if let Some(&(_, _, k)) = later.iter().find(|(_, x, _)| *x == w) {
                        short[i] = k;
                    }
                }
            }
            if unseen > 0 && seen.len() >= later.len() {
                unseen = 0;
            }
        }
        let mut quotes = Vec::new();
        for q in &doc.quotes {
            let Some(sp) = q.speaker.as_ref() else { continue };
            if sp.anonymous || sp.end <= sp.start || n == 0 {
                continue;
            }
            let first = doc.tokens.index_at(sp.start).min(n - 1);
            let last = (doc.tokens.index_at(sp.end.saturating_sub(1)) + 1).clamp(first + 1, n);
            let info = sp.actor.as_deref().and_then(marsad_entities::actor);
            let arg = Arg {
                first,
                last,
                actor: sp.actor.clone(),
                country: info.as_ref().and_then(|x| x.country.clone()),
                sector: info.and_then(|x| x.sector),
                prep: false,
                kind: if sp.actor.is_some() { ActorKind::Name } else { ActorKind::Head },
                place: false,
            };
            quotes.push((q.content.start, q.content.end, q.cue.start, arg));
        }
        Ctx {
            ent_at,
            in_time,
            dates,
            short,
            quotes,
            memo,
            word,
        }
    }
}

/// The short form of an organisation whose name starts in token `i` at
/// code point `start`: its first word with the article ("لحركه طالبان" →
/// "الحركه"; clitics before the name are left out).
fn short_key(doc: &Doc, i: usize, start: usize) -> String {
    let tok = &doc.tokens[i];
    let lead = start.saturating_sub(tok.start as usize);
    let w = if lead > 0 {
        let word = doc.text().get(tok.byte_start as usize..tok.byte_end as usize).unwrap_or("");
        marsad_text::normalize_str(&word.chars().skip(lead).collect::<String>())
    } else {
        let w = doc.tokens.norm(i);
        w.strip_prefix('و').unwrap_or(w).to_string()
    };
    if w.starts_with(ARTICLE) {
        w
    } else {
        format!("{ARTICLE}{w}")
    }
}

#[inline]
fn is_hard_stop(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.kind == TokenKind::Punct && matches!(doc.tokens.norm(i), "," | "." | ";" | ":" | "!" | "?" | "(" | ")")
}

#[inline]
fn is_word(doc: &Doc, i: usize) -> bool {
    matches!(doc.tokens[i].kind, TokenKind::Word | TokenKind::Latin)
}

impl EventAnnotator {
    /// Whether token `i` is a cue word of class `c`.
    #[inline]
    fn cue(&self, doc: &Doc, ctx: &Ctx, i: usize, c: Cue) -> bool {
        self.cue_mask(doc, ctx, i) & c.bit() != 0
    }

    /// The cue classes of token `i` (looked up once per word, in the word memo).
    #[inline]
    fn cue_mask(&self, doc: &Doc, ctx: &Ctx, i: usize) -> u64 {
        remembered_cues(&ctx.word(i).cues, || self.look_up_cues(doc, i))
    }

    /// The first look-up of token `i`'s cue classes (kept out of line).
    #[inline(never)]
    fn look_up_cues(&self, doc: &Doc, i: usize) -> u64 {
        self.lex.cue_mask(doc.tokens.norm(i))
    }

    /// Cue test on the word with و/ف removed.
    #[inline]
    fn cue_loose(&self, doc: &Doc, ctx: &Ctx, i: usize, c: Cue) -> bool {
        self.loose_cue_mask(doc, ctx, i) & c.bit() != 0
    }

    /// The cue classes of token `i` with و/ف removed or not.
    #[inline]
    fn loose_cue_mask(&self, doc: &Doc, ctx: &Ctx, i: usize) -> u64 {
        remembered_cues(&ctx.word(i).loose_cues, || self.look_up_loose_cues(doc, ctx, i))
    }

    /// The first look-up of token `i`'s loose cue classes (kept out of line).
    #[inline(never)]
    fn look_up_loose_cues(&self, doc: &Doc, ctx: &Ctx, i: usize) -> u64 {
        let mut m = self.cue_mask(doc, ctx, i);
        let w = doc.tokens.norm(i);
        for p in ["و", "ف"] {
            if let Some(r) = w.strip_prefix(p) {
                m |= self.lex.cue_mask(r);
            }
        }
        m
    }

    fn bare_eq(&self, doc: &Doc, i: usize, want: &str) -> bool {
        let w = doc.tokens.norm(i);
        strip_article(w) == want || w == want || w.strip_prefix('و').map(strip_article) == Some(want)
    }

    fn variant_eq(&self, doc: &Doc, j: usize, want: &str) -> bool {
        let w = doc.tokens.norm(j);
        let vars = lexicon::variants(w);
        vars.iter().any(|&(off, _)| strip_article(&w[off..]) == want || &w[off..] == want)
    }

    /// An attributive adjective with the article: "الاعلامي", "العسكريه".
    fn is_nisba(&self, doc: &Doc, ctx: &Ctx, j: usize) -> bool {
        let w = doc.tokens.norm(j);
        doc.tokens[j].kind == TokenKind::Word
            && w.starts_with(ARTICLE)
            && w.chars().count() >= 5
            && ends_with_any(w, &self.lex.words.nisba_suffix)
            && self.cue_mask(doc, ctx, j) == 0
            && !self.triggers_here_verb(doc, ctx, j)
    }

    fn is_quant(&self, doc: &Doc, ctx: &Ctx, j: usize) -> bool {
        doc.tokens[j].kind == TokenKind::Number || ctx.in_time[j] || self.cue(doc, ctx, j, Cue::Quant)
    }

    /// Actor starting at token `i` (and ending before `end`).
    fn actor_at(&self, doc: &Doc, ctx: &Ctx, i: usize, end: usize) -> Option<Arg> {
        if i >= end || !is_word(doc, i) {
            return None;
        }
        if ctx.ent_at[i] > 0 {
            let e = &doc.entities[ctx.ent_at[i] as usize - 1];
            if !matches!(
                e.entity_type,
                marsad_doc::EntityType::MISC | marsad_doc::EntityType::FAC | marsad_doc::EntityType::LOC
            ) {
                let last = doc.tokens.index_at(e.end.saturating_sub(1)) + 1;
                let mut country = e.country.clone();
                let mut sector = e.sector.clone();
                if let Some(id) = e.actor.as_deref() {
                    if country.is_none() || sector.is_none() {
                        if let Some(info) = marsad_entities::actor(id) {
                            country = country.or(info.country);
                            sector = sector.or(info.sector);
                        }
                    }
                }
                let mut arg = Arg {
                    first: i,
                    last: last.max(i + 1).min(end),
                    actor: e.actor.clone(),
                    country,
                    sector,
                    prep: false,
                    kind: ActorKind::Name,
                    place: matches!(e.entity_type, marsad_doc::EntityType::GPE | marsad_doc::EntityType::LOC),
                };
                // A capital the entity layer took for a town of the same name ("كابول"
                // as a GeoNames place): the layer's table of capitals knows better.
                if arg.place {
                    if let Some(l) = self.lex_actor_at(doc, ctx, i, end).filter(|l| {
                        l.kind == ActorKind::Name && l.place && l.last == arg.last && l.country.as_ref().is_some_and(|c| c.len() == 3)
                    }) {
                        if is_town(&arg) || arg.country.is_none() {
                            // a region or seat of the table keeps its own actor ("الضفه" → westbank)
                            arg.actor = l.actor.clone().or_else(|| l.country.as_ref().map(|c| c.to_ascii_lowercase()));
                            arg.country = l.country;
                            arg.sector = arg.sector.or(l.sector);
                        }
                    }
                }
                // The lexicon may know the country of a named group the entity layer left bare.
                if arg.country.is_none() {
                    if let Some(l) = self.lex_actor_at(doc, ctx, i, end) {
                        arg.country = l.country;
                        arg.sector = arg.sector.or(l.sector);
                    }
                }
                // a preposition is a clitic before the name ("لبلينكن"), not a
                // name's own first letter ("بلينكن", "وبلينكن")
                let tok = &doc.tokens[i];
                let n_lead = e.start.saturating_sub(tok.start as usize);
                let word = doc.text().get(tok.byte_start as usize..tok.byte_end as usize).unwrap_or("");
                let mut lead = word.chars().take(n_lead).filter(|c| !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0640}'));
                let mut clitic = false;
                let mut first = true;
                for c in lead.by_ref() {
                    if first && matches!(c, 'و' | 'ف') {
                        first = false;
                        continue;
                    }
                    first = false;
                    clitic |= matches!(c, 'ب' | 'ل' | 'ك');
                }
                arg.prep = clitic || (i > 0 && self.cue(doc, ctx, i - 1, Cue::Prep));
                // "وزاره الخزانه الاميركيه": an entity followed by a nationality adjective
                if arg.last < end && ctx.ent_at[arg.last] == 0 {
                    if let Some(m) = self.lex_actor_at(doc, ctx, arg.last, end).filter(|m| m.kind == ActorKind::Nationality) {
                        // "الاحتلال التركي": the adjective says whose
                        arg.last = self.extend_nationality(doc, ctx, m.last, end);
                        arg.country = m.country.or(arg.country);
                    }
                }
                return Some(arg);
            }
        }
        // "الاخير": the person named last before
        if self.cue_loose(doc, ctx, i, Cue::Latter) {
            let lo = i.saturating_sub(80);
            if let Some(k) = (lo..i).rev().find(|&k| {
                ctx.ent_at[k] > 0 && doc.entities[ctx.ent_at[k] as usize - 1].entity_type == marsad_doc::EntityType::PER
            }) {
                let e = &doc.entities[ctx.ent_at[k] as usize - 1];
                let info = e.actor.as_deref().and_then(marsad_entities::actor);
                return Some(Arg {
                    first: i,
                    last: i + 1,
                    actor: e.actor.clone(),
                    country: e.country.clone().or_else(|| info.as_ref().and_then(|x| x.country.clone())),
                    sector: e.sector.clone().or_else(|| info.and_then(|x| x.sector)),
                    prep: false,
                    kind: ActorKind::Name,
                    place: false,
                });
            }
        }
        // "الجانبان": resolved to the parties named before once all events are found
        // (not "الحكومتين العراقيه والاميركيه", where the parties are named)
        if self.cue_loose(doc, ctx, i, Cue::Dual)
            && !(i + 1 < end && (ctx.ent_at[i + 1] > 0 || self.lex_actor_at(doc, ctx, i + 1, end).is_some_and(|m| m.kind != ActorKind::Place)))
        {
            return Some(Arg {
                first: i,
                last: i + 1,
                actor: None,
                country: None,
                sector: None,
                prep: self.has_prep(doc, ctx, i),
                kind: ActorKind::Head,
                place: false,
            });
        }
        if let Some(mut a) = self.lex_actor_at(doc, ctx, i, end).filter(|a| a.kind != ActorKind::Place) {
            // "التصعيد العسكري": an adjective after a definite noun, not an actor
            if a.kind == ActorKind::Head && a.last == i + 1 && i > 0 && doc.tokens[i - 1].kind == TokenKind::Word {
                let w = doc.tokens.norm(i);
                let prev = doc.tokens.norm(i - 1);
                if w.starts_with(ARTICLE)
                    && ends_with_any(w, &self.lex.words.nisba_suffix)
                    && prev.strip_prefix('و').unwrap_or(prev).starts_with(ARTICLE)
                    && ctx.ent_at[i - 1] == 0
                    && self.cue_mask(doc, ctx, i - 1) == 0
                    && self.lex_actor_at(doc, ctx, i - 1, i).is_none()
                {
                    return None;
                }
            }
            if a.kind == ActorKind::Nationality {
                a.last = self.extend_nationality(doc, ctx, a.last, end);
            }
            if a.kind == ActorKind::Name {
                // "الاحتلال التركي": a following nationality adjective says whose
                if let Some(m) = self.lex_actor_at(doc, ctx, a.last, end).filter(|m| m.kind == ActorKind::Nationality) {
                    a.last = self.extend_nationality(doc, ctx, m.last, end);
                    a.country = m.country.or(a.country);
                }
            }
            if a.kind == ActorKind::Head {
                // "القوات الاميركيه", "قوات التحالف", "قوات الامن العراقيه"
                let head = doc.tokens.norm(i);
                let head = head.strip_prefix('و').unwrap_or(head);
                let construct = !head.starts_with(ARTICLE)
                    && !head.starts_with(FUSED_ARTICLE)
                    && !ends_with_any(head, &self.lex.words.possessive_suffix);
                let mut j = a.last;
                while j < end && j < a.last + 3 {
                    match self.lex_actor_at(doc, ctx, j, end) {
                        Some(m) if matches!(m.kind, ActorKind::Nationality | ActorKind::Name) => {
                            if a.country.is_none() {
                                a.country = m.country.clone();
                            }
                            if m.sector.is_some() && m.kind == ActorKind::Name && a.sector.as_deref() == Some("GOV") {
                                a.sector = m.sector.clone();
                            }
                            a.last = m.last;
                            a.kind = ActorKind::Name;
                            j = m.last;
                        }
                        Some(m)
                            if m.kind == ActorKind::Head
                                && a.kind == ActorKind::Head
                                && (m.sector == a.sector
                                    || a.sector.is_none()
                                    || (construct && a.last == a.first + 1)) =>
                        {
                            a.sector = a.sector.or(m.sector.clone());
                            j = m.last;
                            a.last = m.last;
                        }
                        None if j == a.last
                            && a.last == a.first + 1
                            && construct
                            && doc.tokens[j].kind == TokenKind::Word
                            && !self.triggers_here_verb(doc, ctx, j)
                            && self.cue_mask(doc, ctx, j) == 0 =>
                        {
                            // a head in construct state takes its genitive: "قوات الدعم السريع"
                            j += 1;
                            a.last = j;
                            if j < end
                                && doc.tokens.norm(j).starts_with(ARTICLE)
                                && !self.triggers_here_verb(doc, ctx, j)
                                && self.cue_mask(doc, ctx, j) == 0
                                && (self.lex_actor_at(doc, ctx, j, end).is_none()
                                    // "انصار المجلس العسكري": an adjective of the genitive
                                    || (self.is_nisba(doc, ctx, j) && self.lex_actor_at(doc, ctx, j, end).is_some_and(|m| m.kind == ActorKind::Head)))
                            {
                                j += 1;
                                a.last = j;
                            }
                        }
                        None if j + 1 < end
                            && self.lex.words.preposition_in.contains(doc.tokens.norm(j))
                            && a.country.is_none()
                            && a.sector.as_deref() == Some("GOV")
                            && self.actor_at(doc, ctx, j + 1, end).is_some_and(|m| m.kind == ActorKind::Name && m.place && !is_town(&m)) =>
                        {
                            // "الحكومه الانتقاليه في مالي"
                            if let Some(m) = self.actor_at(doc, ctx, j + 1, end) {
                                a.country = m.country;
                                a.last = m.last;
                                a.kind = ActorKind::Name;
                            }
                            break;
                        }
                        None if j == a.last
                            && j + 2 < end
                            && doc.tokens[j].kind == TokenKind::Quote
                            && self.lex.words.preposition_from.contains(doc.tokens.norm(j + 1)) =>
                        {
                            // a closing quotation mark between: "\"حيدت 17 ارهابيا\" من حزب …"
                            j += 1;
                            a.last = j;
                        }
                        None if j == a.last
                            && j + 1 < end
                            && self.lex.words.preposition_from.contains(doc.tokens.norm(j))
                            && a.actor.is_none()
                            && self.actor_at(doc, ctx, j + 1, end).is_some_and(|m| m.kind == ActorKind::Name && !is_town(&m)) =>
                        {
                            // "وفد من وزاره الدفاع التركيه", "عناصر من حزب الله"
                            if let Some(m) = self.actor_at(doc, ctx, j + 1, end) {
                                a.country = a.country.or(m.country);
                                a.actor = m.actor;
                                a.last = m.last;
                                a.kind = ActorKind::Name;
                            }
                            break;
                        }
                        None if self.cue(doc, ctx, j, Cue::Affiliation) && j + 1 < end => {
                            // "قوات تابعه لحكومه الوحده الوطنيه"
                            match self.actor_at(doc, ctx, j + 1, end) {
                                Some(m) => {
                                    a.country = a.country.or(m.country);
                                    a.actor = a.actor.or(m.actor);
                                    a.last = m.last;
                                    if a.actor.is_some() || a.country.is_some() {
                                        a.kind = ActorKind::Name;
                                    }
                                }
                                None => a.last = (j + 2).min(end),
                            }
                            j = a.last;
                            // the rest of the patron's name: "لحكومه الوحده الوطنيه"
                            while j < end
                                && j < a.last + 2
                                && doc.tokens.norm(j).starts_with(ARTICLE)
                                && self.cue_mask(doc, ctx, j) == 0
                                && !self.triggers_here_verb(doc, ctx, j)
                                && self.lex_actor_at(doc, ctx, j, end).is_none()
                            {
                                j += 1;
                            }
                            a.last = j;
                            break;
                        }
                        None if self.is_nisba(doc, ctx, j) => {
                            // an adjective: "المكتب الاعلامي", "نظيره الجنوبي"
                            j += 1;
                            a.last = j;
                        }
                        None if j + 1 < end
                            && doc.tokens[j].kind == TokenKind::Word
                            && self
                                .lex_actor_at(doc, ctx, j + 1, end)
                                .is_some_and(|m| m.kind == ActorKind::Nationality) =>
                        {
                            // "وزاره الخزانه الاميركيه"
                            j += 1;
                        }
                        _ => break,
                    }
                }
            }
            // a title followed by its holder's name: "وزير الخارجيه الاميركي انتوني بلينكن",
            // also over a genitive chain ("رئيس حكومه تصريف الاعمال اللبنانيه نجيب …") and over
            // "باسم" to the organisation ("المتحدث باسم الجيش … فلان").
            if a.kind != ActorKind::Nationality {
                self.extend_title(doc, ctx, &mut a, end);
            }
            if a.kind == ActorKind::Head && a.last == i + 1 && a.country.is_none() {
                self.short_form(doc, ctx, &mut a);
            }
            return Some(a);
        }
        if ctx.short[i] > 0 && (i + 1 >= end || ctx.ent_at[i + 1] == 0) {
            let mut a = Arg {
                first: i,
                last: i + 1,
                actor: None,
                country: None,
                sector: None,
                prep: self.has_prep(doc, ctx, i),
                kind: ActorKind::Head,
                place: false,
            };
            self.short_form(doc, ctx, &mut a);
            return Some(a);
        }
        // An unknown noun with a nationality adjective: "ضربات اميركيه".
        if i + 1 < end {
            if let Some(m) = self.lex_actor_at(doc, ctx, i + 1, end) {
                if m.kind == ActorKind::Nationality {
                    let last = self.extend_nationality(doc, ctx, m.last, end);
                    return Some(Arg { first: i, last, prep: self.has_prep(doc, ctx, i), ..m });
                }
            }
        }
        if let Some(info) = self.nationality_at(doc, ctx, i) {
            return Some(Arg {
                first: i,
                last: self.extend_nationality(doc, ctx, i + 1, end),
                actor: Some(info.id),
                country: info.country,
                sector: info.sector,
                prep: self.has_prep(doc, ctx, i),
                kind: ActorKind::Nationality,
                place: false,
            });
        }
        None
    }

    /// Tokens `from..to` look like a name the entity layer does not know:
    /// plain words without the article, no function word, verb or actor.
    fn unknown_name(&self, doc: &Doc, ctx: &Ctx, from: usize, to: usize) -> bool {
        (from..to).all(|k| {
            let w = doc.tokens.norm(k);
            doc.tokens[k].kind == TokenKind::Word
                && ctx.ent_at[k] == 0
                && !ctx.in_time[k]
                && !w.starts_with(ARTICLE)
                && self.cue_mask(doc, ctx, k) == 0
                && !self.trigger_verb_here(doc, ctx, k)
                && !self.lex.actors.contains_key(strip_article(w))
                && self.nationality_at(doc, ctx, k).is_none()
        })
    }

    /// Whether token `j` begins with the conjunction و (not a root letter as
    /// in "وزير", "وفد"): the word without it is a known actor, or the entity
    /// found in it starts after the و.
    fn conj_at(&self, doc: &Doc, ctx: &Ctx, j: usize) -> bool {
        let w = doc.tokens.norm(j);
        let Some(rest) = w.strip_prefix('و') else { return false };
        if self.lex.actors.contains_key(strip_article(w)) {
            return false;
        }
        if ctx.ent_at[j] > 0 {
            let e = &doc.entities[ctx.ent_at[j] as usize - 1];
            return e.start > doc.tokens[j].start as usize;
        }
        if self.lex.actors.contains_key(strip_article(rest)) || rest.starts_with(ARTICLE) {
            return true;
        }
        // an unknown word: و + at least a three-letter word, unless a common root-و noun
        !starts_with_any(w, &self.lex.words.root_waw_start)
    }

    /// The end of a run of coordinated nationality adjectives starting at
    /// `last` ("اميركيه بريطانيه", "الاميركيه والبريطانيه"): at most two more.
    fn extend_nationality(&self, doc: &Doc, ctx: &Ctx, mut last: usize, end: usize) -> usize {
        for _ in 0..2 {
            match self.lex_actor_at(doc, ctx, last, end) {
                Some(m) if m.kind == ActorKind::Nationality => last = m.last,
                _ => break,
            }
        }
        last
    }

    /// Extends a title head (`a`, a description like "وزير الخارجيه") over
    /// the words up to the named entity that holds it: a person within four
    /// plain words (a genitive chain or adjectives), or, after "باسم", the
    /// organisation spoken for (and its spokesperson's name when it follows).
    fn extend_title(&self, doc: &Doc, ctx: &Ctx, a: &mut Arg, end: usize) {
        // "قائد قوات …": a leader's title keeps its genitive whatever the sector
        let leader = self.lex_actor_at(doc, ctx, a.first, a.first + 1).is_some_and(|h| h.kind == ActorKind::Head && h.sector.is_none());
        let title_gov = a.kind != ActorKind::Nationality
            && a.actor.is_none()
            && (leader || matches!(a.sector.as_deref(), None | Some("GOV")));
        let on_behalf = a.last > a.first && self.cue(doc, ctx, a.last - 1, Cue::OnBehalf);
        // "رئيس حكومه …", "قائد قوات …" (construct state) may take a genitive chain.
        let construct = {
            let w = doc.tokens.norm(a.first);
            let w = w.strip_prefix('و').unwrap_or(w);
            !w.starts_with(ARTICLE) && !w.starts_with(FUSED_ARTICLE)
        };
        let mut org: Option<(usize, usize)> = None; // entity index, last token
        let mut k = a.last;
        while k < end && k < a.last + 6 {
            if ctx.ent_at[k] > 0 {
                let ei = ctx.ent_at[k] as usize - 1;
                let e = &doc.entities[ei];
                let e_last = (doc.tokens.index_at(e.end.saturating_sub(1)) + 1).min(end).max(k + 1);
                match e.entity_type {
                    marsad_doc::EntityType::PER if k == a.last || title_gov => {
                        // a nickname in quotation marks: محمد حمدان دقلو "حميدتي"
                        let mut e_last = e_last;
                        if e_last + 2 < end
                            && doc.tokens[e_last].kind == TokenKind::Quote
                            && doc.tokens[e_last + 1].kind == TokenKind::Word
                            && doc.tokens[e_last + 2].kind == TokenKind::Quote
                        {
                            e_last += 3;
                        }
                        a.last = e_last;
                        a.actor = e.actor.clone();
                        a.country = a.country.take().or(e.country.clone());
                        a.kind = ActorKind::Name;
                        return;
                    }
                    marsad_doc::EntityType::ORG | marsad_doc::EntityType::GPE
                        if org.is_none() && (on_behalf || title_gov) =>
                    {
                        org = Some((ei, e_last));
                        k = e_last;
                        continue;
                    }
                    _ => break,
                }
            }
            if ctx.short[k] > 0 && org.is_none() && (on_behalf || title_gov) {
                // "المتحدث باسم الجيش" after "الجيش السوداني"
                org = Some((ctx.short[k] as usize - 1, k + 1));
                k += 1;
                continue;
            }
            let plain = doc.tokens[k].kind == TokenKind::Word
                && !self.trigger_verb_here(doc, ctx, k)
                && self.cue_mask(doc, ctx, k) == 0
                && (k <= a.last || !doc.tokens.norm(k).starts_with('و'))
                && (k == a.last || self.lex_actor_at(doc, ctx, k, k + 1).is_none_or(|h| h.kind != ActorKind::Head));
            if !(title_gov || on_behalf) || !plain || !(construct || leader || on_behalf || k == a.last || org.is_some()) {
                break;
            }
            k += 1;
        }
        // no name: the organisation the title belongs to ("الامين العام للاتحاد …")
        if let Some((ei, e_last)) = org {
            let e = &doc.entities[ei];
            if !matches!(e.entity_type, marsad_doc::EntityType::ORG) && !on_behalf {
                return;
            }
            a.last = e_last;
            a.actor = e.actor.clone();
            a.country = e.country.clone().or(a.country.take());
            if let Some(info) = e.actor.as_deref().and_then(marsad_entities::actor) {
                a.country = a.country.take().or(info.country);
                a.sector = info.sector.or(a.sector.take());
            }
            a.kind = ActorKind::Name;
        }
    }

    /// A bare head that repeats the first word of an organisation named
    /// earlier ("الاتحاد" for "الاتحاد الاوروبي") stands for it.
    fn short_form(&self, doc: &Doc, ctx: &Ctx, a: &mut Arg) {
        let k = ctx.short[a.first];
        if k == 0 {
            return;
        }
        let e = &doc.entities[k as usize - 1];
        a.actor = e.actor.clone();
        a.country = e.country.clone();
        a.sector = e.sector.clone().or(a.sector.take());
        if let Some(info) = e.actor.as_deref().and_then(marsad_entities::actor) {
            a.country = a.country.take().or(info.country);
            a.sector = info.sector.or(a.sector.take());
        }
        a.kind = ActorKind::Name;
    }

    /// A present-tense verb right after an indefinite noun or adjective is
    /// an adjectival clause ("تصعيد خطير يستهدف المدنيين"): the noun is its
    /// subject, and the words after the verb are its object.
    fn adjectival_clause(&self, doc: &Doc, ctx: &Ctx, start: usize, i: usize) -> bool {
        if i <= start || doc.tokens[i - 1].kind != TokenKind::Word {
            return false;
        }
        let v = doc.tokens.norm(i);
        if !starts_with_any(v, &self.lex.words.subject_verb_prefix) {
            return false;
        }
        let w = doc.tokens.norm(i - 1);
        let bare = w.strip_prefix('و').unwrap_or(w);
        !bare.starts_with(ARTICLE)
            && !bare.starts_with(FUSED_ARTICLE)
            && w.chars().count() > 2
            && ctx.ent_at[i - 1] == 0
            && self.cue_mask(doc, ctx, i - 1) == 0
            && !self.cue_loose(doc, ctx, i - 1, Cue::Report)
            && !self.trigger_verb_here(doc, ctx, i - 1)
            && self.lex_actor_at(doc, ctx, i - 1, i).is_none()
            && self.nationality_at(doc, ctx, i - 1).is_none()
    }

    /// The noun carries the preposition ب (بقصف، بصواريخ، وبغارات).
    /// "عناصر من جهاز الردع": a fragment followed by من and a named actor takes that actor.
    fn member_of(&self, doc: &Doc, ctx: &Ctx, a: &mut Arg, end: usize) {
        if !fragment(a) || a.last + 1 >= end || a.last <= a.first || a.last - a.first > 2 {
            return;
        }
        if !self.lex.words.preposition_from.contains(doc.tokens.norm(a.last)) || ctx.ent_at[a.last + 1] == 0 {
            return;
        }
        if let Some(m) = self.actor_at(doc, ctx, a.last + 1, end) {
            if m.kind == ActorKind::Name && !m.place && (m.actor.is_some() || m.country.is_some()) {
                a.last = m.last;
                a.actor = m.actor;
                a.country = m.country;
                a.sector = m.sector;
                a.kind = ActorKind::Name;
            }
        }
    }

    /// Round-4 filters of candidates that are no events (applied before the
    /// document-level merge, so that a dropped candidate absorbs no real one).
    fn spurious(&self, doc: &Doc, ctx: &Ctx, c: &Cand) -> bool {
        let n = doc.tokens.len();
        let t = &self.lex.triggers[c.trigger as usize];
        let mut hits = Vec::new();
            // Round 4 (precision on unseen news): a weak trigger ("احتجاجا علي"
            // as the purpose of another act) without its author is no event, and
            // an event whose only participant is a bare common noun ("اجهزه",
            // "لتهجير الفلسطينيين") is a misreading.
            if t.weak && c.source.is_none() {
                return true;
            }
            if only_fragment(c) {
                return true;
            }
            // Physical events (attacks, protests, threats, arrests) whose only
            // named party is a name unknown to the actor tables ("local:") and
            // without country or sector are mostly sport, culture or crime news.
            let unknown = |a: &Option<Arg>| {
                a.as_ref().is_none_or(|a| {
                    a.actor.as_deref().is_none_or(|id| id.starts_with("local:")) && a.country.is_none() && a.sector.is_none()
                })
            };
            if matches!(t.etype, "ASSAULT" | "PROTEST" | "THREATEN" | "COERCE" | "MOBILIZE")
                && c.source.as_ref().is_some_and(|a| {
                    a.actor.as_deref().is_some_and(|id| id.starts_with("local:"))
                        && ctx.ent_at[a.first] > 0
                        && doc.entities[ctx.ent_at[a.first] as usize - 1].entity_type == marsad_doc::EntityType::PER
                })
                && unknown(&c.source)
                && unknown(&c.target)
            {
                return true;
            }
            // "عقوبات استهدفت صالح": a verb right after an event noun of another
            // type is that noun's adjectival clause, not an event of its own.
            if t.pos == Pos::Verb && c.first > 0 && is_word(doc, c.first - 1) {
                                self.triggers_at(doc, ctx, c.first - 1, c.first, &mut hits);
                if hits.iter().any(|&(tid, _, _)| {
                    let o = &self.lex.triggers[tid as usize];
                    o.pos == Pos::Noun && o.etype != t.etype && !o.weak
                }) {
                    return true;
                }
            }
            if (c.first > 0 && self.cue(doc, ctx, c.first - 1, Cue::NotEventBefore))
                || (c.last < n && self.cue(doc, ctx, c.last, Cue::NotEventAfter))
            {
                return true;
            }
        false
    }

    fn instrumental(&self, doc: &Doc, i: usize) -> bool {
        let w = doc.tokens.norm(i);
        let w = w.strip_prefix('و').unwrap_or(w);
        w.starts_with('ب') && !starts_with_any(w, &self.lex.words.root_ba_start)
    }

    fn has_prep(&self, doc: &Doc, ctx: &Ctx, i: usize) -> bool {
        let w = doc.tokens.norm(i);
        let w = w.strip_prefix('و').unwrap_or(w);
        let clitic = (w.starts_with('ب') || w.starts_with('ل') || w.starts_with('ك'))
            && !self.lex.actors.contains_key(strip_article(w));
        clitic || (i > 0 && self.cue(doc, ctx, i - 1, Cue::Prep))
    }

    /// Longest actor of the lexicon starting at token `i`.
    fn lex_actor_at(&self, doc: &Doc, ctx: &Ctx, i: usize, end: usize) -> Option<Arg> {
        if i >= end || doc.tokens[i].kind != TokenKind::Word {
            return None;
        }
        let known = ctx.word(i).facts.get();
        if known & NO_ACTOR_KEY != 0 {
            return None;
        }
        let w = doc.tokens.norm(i);
        if !self.lex.actor_endings.may_have_suffix_key(w) {
            ctx.word(i).facts.set(known | NO_ACTOR_KEY);
            return None;
        }
        let vars = lexicon::variants(w);
        let mut any_key = false;
        for &(off, clitic) in vars.iter() {
            let key = &w[off..];
            let key = if clitic { key } else { strip_article(key) };
            let Some(forms) = self.lex.actors.get(key) else { continue };
            any_key = true;
            for f in forms {
                let n = f.rest.len();
                if i + 1 + n > end {
                    continue;
                }
                if f.rest.iter().enumerate().all(|(k, r)| strip_article(doc.tokens.norm(i + 1 + k)) == r) {
                    let prefixed = off > 0 && {
                        let pre = &w[..off];
                        pre.contains('ب') || pre.contains('ل') || pre.contains('ك')
                    };
                    return Some(Arg {
                        first: i,
                        last: i + 1 + n,
                        actor: f.actor.clone(),
                        country: f.country.clone(),
                        sector: f.sector.clone(),
                        prep: prefixed || (i > 0 && self.cue(doc, ctx, i - 1, Cue::Prep)),
                        kind: f.kind,
                        place: f.place,
                    });
                }
            }
        }
        if !any_key {
            ctx.word(i).facts.set(known | NO_ACTOR_KEY);
        }
        None
    }

    /// The knowledge base's nationality adjective at token `i` (that there
    /// is none is remembered per word, in the word memo).
    fn nationality_at(&self, doc: &Doc, ctx: &Ctx, i: usize) -> Option<marsad_entities::ActorInfo> {
        let known = ctx.word(i).facts.get();
        if known & NO_NATIONALITY != 0 {
            return None;
        }
        let info = self.lex.nationality(doc.tokens.norm(i));
        if info.is_none() {
            ctx.word(i).facts.set(known | NO_NATIONALITY);
        }
        info
    }

    /// First actor in `from..to`, skipping up to `skip` non-actor words; stops at hard punctuation.
    fn scan_forward(&self, doc: &Doc, ctx: &Ctx, from: usize, to: usize, skip: usize) -> Option<Arg> {
        self.scan_forward_opt(doc, ctx, from, to, skip, true)
    }

    fn scan_forward_opt(
        &self,
        doc: &Doc,
        ctx: &Ctx,
        from: usize,
        to: usize,
        skip: usize,
        stop_at_verbs: bool,
    ) -> Option<Arg> {
        let mut skipped = 0;
        let mut j = from;
        while j < to {
            if is_hard_stop(doc, j) {
                return None;
            }
            if doc.tokens[j].kind == TokenKind::Quote {
                j += 1;
                continue;
            }
            if ctx.in_time[j] {
                // "استقبل X اليوم الخميس في الرياض Y": dates are no object
                j += 1;
                continue;
            }
            if let Some(a) = self.actor_at(doc, ctx, j, to) {
                if skipped > 0 && stop_at_verbs && self.conj_at(doc, ctx, j) {
                    return None; // a new conjunct, not the object
                }
                if j > from && self.cue(doc, ctx, j - 1, Cue::Place) {
                    if a.place && a.last < to {
                        // "في الرياض": where, not whom; the object may follow
                        skipped += 1;
                        j = a.last;
                        continue;
                    }
                    return None; // a place
                }

                return Some(a);
            }
            if stop_at_verbs && self.trigger_verb_here(doc, ctx, j) {
                return None;
            }
            skipped += 1;
            if skipped > skip {
                return None;
            }
            j += 1;
        }
        None
    }

    /// The target after a preposition: the first actor with a country within
    /// a few words, else the first actor.
    fn scan_target(&self, doc: &Doc, ctx: &Ctx, from: usize, end: usize) -> Option<Arg> {
        let first = self.scan_forward(doc, ctx, from, end, 4)?;
        if first.country.is_some() {
            return Some(first);
        }
        let mut j = first.last;
        while j < end && j < first.last + 4 {
            if is_hard_stop(doc, j) || self.triggers_here_verb(doc, ctx, j) {
                break;
            }
            if let Some(b) = self.actor_at(doc, ctx, j, end) {
                let patron = (1..=2).any(|d| j >= from + d && self.cue(doc, ctx, j - d, Cue::Affiliation));
                // "في ريف ادلب": a place, not the target
                let in_place = b.first > 0
                    && (self.cue_loose(doc, ctx, b.first - 1, Cue::Place)
                        || self
                            .lex_actor_at(doc, ctx, b.first - 1, b.first)
                            .is_some_and(|p| p.kind == ActorKind::Place));
                if b.country.is_some() && b.kind != ActorKind::Head && !patron && !in_place {
                    return Some(b);
                }
                j = b.last;
            } else {
                j += 1;
            }
        }
        Some(first)
    }

    fn trigger_verb_here(&self, doc: &Doc, ctx: &Ctx, j: usize) -> bool {
        self.verb_form_facts(doc, ctx, j) & (VERB_FORM | VERB_FORM_AFTER_CONJ) != 0 || self.cue_loose(doc, ctx, j, Cue::Report)
    }

    /// [`VERB_FORM`] and [`VERB_FORM_AFTER_CONJ`] of token `j` (looked up once per word, in the word memo).
    fn verb_form_facts(&self, doc: &Doc, ctx: &Ctx, j: usize) -> u16 {
        let known = ctx.word(j).facts.get();
        if known & VERB_FORMS_KNOWN != 0 {
            return known;
        }
        let w = doc.tokens.norm(j);
        let mut f = known | VERB_FORMS_KNOWN;
        if self.lex.is_verb_form(w) {
            f |= VERB_FORM;
        }
        if w.strip_prefix('و').is_some_and(|r| self.lex.is_verb_form(r)) {
            f |= VERB_FORM_AFTER_CONJ;
        }
        ctx.word(j).facts.set(f);
        f
    }

    /// Nearest actor before token `i` (within `start..i`), not after a preposition.
    fn scan_backward(&self, doc: &Doc, ctx: &Ctx, start: usize, i: usize, limit: usize) -> Option<Arg> {
        let lo = start.max(i.saturating_sub(limit));
        let mut k = i;
        let mut best: Option<Arg> = None;
        while k > lo {
            k -= 1;
            // "باماكو – شنت …": a dateline is no subject
            if is_hard_stop(doc, k) || doc.tokens[k].kind == TokenKind::Quote || matches!(doc.tokens.norm(k), "–" | "-" | "—") {
                break;
            }
            if let Some(a) = self.actor_at(doc, ctx, k, i) {
                // skip actors inside an affiliation phrase ("الموالية لإيران")
                let affil = (1..=2).any(|d| k >= lo + d && self.cue(doc, ctx, k - d, Cue::Affiliation));
                // "في العاصمه تونس": a place named after a place head is where, not who
                let in_place = a.place
                    && k > 0
                    && (self.cue_loose(doc, ctx, k - 1, Cue::Place)
                        || self.lex_actor_at(doc, ctx, k - 1, k).is_some_and(|p| p.kind == ActorKind::Place));
                if !a.prep && !affil && !in_place {
                    // a longer actor may start one or two words earlier ("الفصائل العراقيه")
                    let mut a = a;
                    for d in 1..=2 {
                        if k >= lo + d {
                            if let Some(b) = self.actor_at(doc, ctx, k - d, i) {
                                if b.last >= a.last && !b.prep {
                                    a = b;
                                }
                            }
                        }
                    }
                    best = Some(a);
                    // a head noun may continue backwards ("قوات" in "قوات الامن")
                    break;
                }
            }
            if self.cue_loose(doc, ctx, k, Cue::Report) || self.cue(doc, ctx, k, Cue::Complementizer) {
                break;
            }
        }
        best
    }

    fn companion_at(&self, doc: &Doc, t: &Trigger, i: usize, end: usize) -> Option<usize> {
        for j in i + 1..end.min(i + 10) {
            if is_hard_stop(doc, j) {
                return None;
            }
            let w = doc.tokens.norm(j);
            for c in &t.companions {
                let mut letters = c.chars();
                let single = letters.next().is_some() && letters.next().is_none();
                if single {
                    if w.starts_with(c.as_str()) && (w == c || w.chars().count() > 2) {
                        return Some(j);
                    }
                } else if w.ends_with(c.as_str()) && (self.bare_eq(doc, j, c) || self.variant_eq(doc, j, c)) {
                    // every reading compared is a suffix of the word: a word not
                    // ending in the companion is rejected without computing them
                    return Some(j);
                }
            }
        }
        None
    }

    /// Candidate trigger entries at token `i`: (trigger id, last token, future),
    /// in order of preference: the word's readings (`words::word_readings`)
    /// whose following words are there, the same entry once.
    #[inline]
    fn triggers_at(&self, doc: &Doc, ctx: &Ctx, i: usize, end: usize, out: &mut Vec<(u32, usize, bool)>) {
        out.clear();
        let readings = ctx.memo.readings(ctx.word[i]);
        if !readings.is_empty() {
            self.fit_readings(doc, readings, i, end, out);
        }
    }

    /// The `readings` of token `i` whose following words are there (kept out of
    /// line: most words have none).
    #[inline(never)]
    fn fit_readings(&self, doc: &Doc, readings: &[words::Reading], i: usize, end: usize, out: &mut Vec<(u32, usize, bool)>) {
        for r in readings {
            let n = r.rest.len();
            if i + 1 + n > end {
                continue;
            }
            if r.rest.iter().enumerate().all(|(k, x)| strip_article(doc.tokens.norm(i + 1 + k)) == x) {
                out.push((r.trigger, i + 1 + n, r.future));
            }
        }
        out.dedup_by_key(|x| x.0);
    }

    fn find_events(&self, doc: &Doc) -> Vec<Event> {
        if doc.tokens.is_empty() || doc.sentences.is_empty() {
            return Vec::new();
        }
        words::with_memo(self.id, &self.lex, doc, |memo, word| self.find_events_with(doc, Ctx::new(doc, memo, word)))
    }

    /// [`Self::find_events`] with the document's context.
    fn find_events_with(&self, doc: &Doc, ctx: Ctx) -> Vec<Event> {
        let n = doc.tokens.len();
        let mut cands: Vec<Cand> = Vec::new();
        let mut hits = Vec::with_capacity(8);
        let mut consumed: Vec<usize> = Vec::new();
        for (si, r) in doc.sentence_token_ranges().into_iter().enumerate() {
            let (start, end) = (r.start, r.end.min(n));
            let first_cand = cands.len();
            consumed.clear();
            for i in start..end {
                // most words have no trigger reading: that test first
                if doc.tokens[i].kind != TokenKind::Word || ctx.memo.readings(ctx.word[i]).is_empty() {
                    continue;
                }
                if consumed.len() > 8 {
                    consumed.retain(|&c| c >= i);
                }
                if consumed.contains(&i) {
                    continue;
                }
                self.triggers_at(doc, &ctx, i, end, &mut hits);
                for &(tid, last, future) in hits.iter() {
                    let prev = cands[first_cand..].last().and_then(|c| c.source.as_ref());
                    if let Some(c) = self.build(doc, &ctx, start..end, i, last, tid, future, prev, &mut consumed) {
                        cands.push(Cand { sentence: si, ..c });
                        break;
                    }
                }
            }
            dedupe(&mut cands, first_cand, &self.lex);
        }
        self.resolve_references(doc, &ctx, &mut cands);
        // "عناصر من جهاز الردع", "مقاتلين من حركه الشباب": a bare description
        // followed by من and a named actor stands for that actor.
        for c in cands.iter_mut() {
            let end = doc.sentence_tokens(c.sentence).end.min(n);
            for a in [&mut c.source, &mut c.target].into_iter().flatten() {
                self.member_of(doc, &ctx, a, end);
            }
            // "دعت فرنسا وبريطانيا والمانيا ايران": names coordinated with the
            // subject are no target; the object follows them.
            // "انتقد رئيس حزب القوات سمير جعجع": a title without its holder
            // followed by a person is that person (apposition), not the target.
            if let (Some(src), Some(tgt)) = (c.source.as_ref(), c.target.as_ref()) {
                let person = ctx.ent_at[tgt.first] > 0
                    && doc.entities[ctx.ent_at[tgt.first] as usize - 1].entity_type == marsad_doc::EntityType::PER;
                // the title may run over a short genitive ("رئيس حزب القوات")
                let gap_ok = tgt.first >= src.last
                    && tgt.first - src.last <= 2
                    && (src.last..tgt.first).all(|k| !is_hard_stop(doc, k) && ctx.ent_at[k] == 0 && !doc.tokens.norm(k).starts_with('و'));
                if src.actor.is_none() && gap_ok && person && !tgt.prep
                    && !doc.tokens.norm(tgt.first).starts_with('و')
                {
                    let mut merged = tgt.clone();
                    merged.first = src.first;
                    merged.country = merged.country.or(src.country.clone());
                    c.source = Some(merged);
                    c.target = None;
                }
            }
            // "العمليات التي ضربت بروكسل": a verb right after a relative pronoun,
            // without a resumptive pronoun, has the antecedent as its subject; the
            // name after it is its object.
            let t = &self.lex.triggers[c.trigger as usize];
            if t.pos == Pos::Verb
                && c.first > 0
                && self.cue_loose(doc, &ctx, c.first - 1, Cue::Relative)
                && !self.verb_with_pronoun_at(doc, &ctx, c.first, 2)
                && c.source.as_ref().is_some_and(|a| a.first >= c.last && !a.prep)
            {
                // the name right after the verb is its object
                c.target = c.source.take();
            }
            let one_sided = matches!(
                self.lex.triggers[c.trigger as usize].etype,
                "REQUEST" | "ACCUSE" | "SUPPORT" | "THREATEN" | "SANCTION" | "REJECT" | "AID" | "COERCE"
            );
            if let (true, Some(src), Some(tgt)) = (one_sided, c.source.as_ref(), c.target.as_ref()) {
                if tgt.first == src.last && doc.tokens.norm(tgt.first).starts_with('و') && tgt.kind == ActorKind::Name {
                    let mut j = tgt.last;
                    let mut next = None;
                    while let Some(m) = self.actor_at(doc, &ctx, j, end) {
                        let coord = doc.tokens.norm(m.first).starts_with('و');
                        j = m.last;
                        if !coord && m.kind == ActorKind::Name && !m.prep {
                            next = Some(m);
                            break;
                        }
                        if j - m.first > 12 {
                            break;
                        }
                    }
                    c.target = next;
                }
            }
        }
        cands.retain(|c| !self.spurious(doc, &ctx, c));
        if cands.is_empty() {
            return Vec::new();
        }
        // only events that carry counts need the document's numbers, and only
        // when their sentence has a casualty word for a number to count
        let casualty = Cue::Killed.bit() | Cue::Injured.bit() | Cue::Arrested.bit() | Cue::Displaced.bit();
        let numbers = if cands.iter().any(|c| {
            counted_type(self.lex.triggers[c.trigger as usize].etype)
                && doc.sentence_tokens(c.sentence).any(|k| k < n && self.loose_cue_mask(doc, &ctx, k) & casualty != 0)
        }) {
            marsad_text::find_numbers(doc.text(), &doc.tokens)
        } else {
            Vec::new()
        };
        let mut all_counts = Vec::with_capacity(cands.len());
        for k in 0..cands.len() {
            let mut target = cands[k].target.clone();
            all_counts.push(self.counts(doc, &ctx, &numbers, &cands[k], &cands, &mut target));
            cands[k].target = target;
        }
        let keep = dedupe_document(doc, &ctx, &cands, &self.lex);
        let mut events = Vec::with_capacity(cands.len());
        for ((c, counts), keep) in cands.iter().zip(all_counts).zip(keep) {
            if !keep {
                continue;
            }
            let t = &self.lex.triggers[c.trigger as usize];
            // An event said not to have happened ("نفت ان تكون قد زودت", "لم يعلق") is
            // no event; a denial or refusal is itself the event (REJECT).
            // Refusing to talk or to accept ("لن يتفاوض مع", "لم يوافق") is a rejection.
            let refusal = c.negated && matches!(t.etype, "CONSULT" | "AGREE") && t.pos == Pos::Verb;
            if c.negated && !matches!(t.etype, "REJECT") && !refusal {
                continue;
            }
            // A meeting or visit still to come is an agreement to meet (PLOVER AGREE).
            let (etype, mode) = if refusal {
                ("REJECT", None)
            } else if c.hypothetical && t.etype == "CONSULT" {
                ("AGREE", None)
            } else {
                (t.etype, t.mode.clone())
            };
            let trig = doc.token_span(c.first, c.last);
            let sent = doc.sentences[c.sentence];
            let target = c.target.clone();
            let date = marsad_times::date_for(doc, trig.start, trig.end)
                .or_else(|| nearest_date(doc, &ctx, sent, trig.start))
                .unwrap_or_else(|| doc.date.clone());
            let location = self.location(doc, &ctx, c, sent);
            // A description without a country ("المتظاهرين", "الشرطه") takes the
            // country of the place where the event happened.
            let mut source = c.source.as_ref().map(|a| actor_span(doc, a));
            if let (Some(s), Some(l)) = (source.as_mut(), location.as_ref()) {
                if s.country.is_none() && s.sector.is_some() && s.actor.is_none() {
                    s.country = l.country.clone();
                }
            }
            // Domestic descriptions (protesters, police, opposition) without a
            // place: the nearest country named in the sentence.
            if let Some(s) = source.as_mut() {
                if s.country.is_none()
                    && s.actor.is_none()
                    && matches!(s.sector.as_deref(), Some("CVL" | "COP" | "OPP"))
                {
                    s.country = self.nearest_country(doc, &ctx, c);
                }
            }
            // An attack on an unnamed object ("غاره علي سياره في النبطيه") hits the place.
            let mut target = target.as_ref().map(|a| actor_span(doc, a));
            if target.is_none() && t.etype == "ASSAULT" {
                target = location.clone();
            }
            events.push(Event {
                event_type: etype.to_string(),
                mode,
                trigger: trig,
                source,
                target,
                date: Some(date),
                location,
                negated: c.negated,
                hypothetical: c.hypothetical,
                counts,
                sentence: Some(Sentence { start: sent.start, end: sent.end }),
            });
        }
        events
    }

    #[allow(clippy::too_many_arguments)]
    fn build(
        &self,
        doc: &Doc,
        ctx: &Ctx,
        sent: Range<usize>,
        i: usize,
        last: usize,
        tid: u32,
        future: bool,
        prev_source: Option<&Arg>,
        consumed: &mut Vec<usize>,
    ) -> Option<Cand> {
        let t = &self.lex.triggers[tid as usize];
        let (start, end) = (sent.start, sent.end);
        // Rejections that depend on the words before the trigger only come
        // first: the argument search below is the expensive part.
        // "قبل ان تنسحب الميليشيا", "حتى تنسحب": a condition, not an event
        if i >= start + 2
            && self.lex.words.purpose_pair.iter().any(|(a, b)| doc.tokens.norm(i - 2) == a && doc.tokens.norm(i - 1) == b)
            || (i > start && self.lex.words.purpose_conjunction.contains(doc.tokens.norm(i - 1)))
        {
            return None;
        }
        // "تطالب بانسحاب اسرائيلي", "هدد بشن هجوم", "الدعوه الي حوار": a verbal
        // noun demanded, proposed or threatened is no event of its own
        if t.pos == Pos::Noun
            && ((start.max(i.saturating_sub(8))..i).any(|k| self.cue_loose(doc, ctx, k, Cue::Modal) && self.triggers_here_verb(doc, ctx, k))
                || (start.max(i.saturating_sub(3))..i).any(|k| self.statement_at(doc, ctx, k)))
        {
            return None;
        }
        let mut comp = None;
        if !t.companions.is_empty() {
            comp = Some(self.companion_at(doc, t, last - 1, end)?);
        }
        let mut source: Option<Arg> = None;
        let mut target: Option<Arg> = None;
        let mut passive = false;
        let after = comp.map(|c| c + 1).unwrap_or(last);
        // "احد المتظاهرين", "ضد المحتجين", "لتفريق المعتصمين": a protester noun that
        // is not the subject names people, not a protest
        if t.weak
            && t.pos == Pos::Noun
            && (self.has_prep(doc, ctx, i)
                || (i > start && self.cue(doc, ctx, i - 1, Cue::Target))
                || (i > start && self.lex.words.partitive.contains(doc.tokens.norm(i - 1)))
                || (i > start && self.cue_loose(doc, ctx, i - 1, Cue::Statement)))
        {
            return None;
        }
        match t.pos {
            // "يساعد روسيا في قتل المدنيين": after a preposition the form is a verbal noun.
            Pos::Verb if i > start && self.cue(doc, ctx, i - 1, Cue::Prep) => return None,
            Pos::Verb => {
                // SVO: an actor right before the verb.
                // "ان قواتها \"حيدت …": a quotation mark may open right before the verb
                let vi = if i > start + 1 && doc.tokens[i - 1].kind == TokenKind::Quote { i - 1 } else { i };
                let svo = self.scan_backward(doc, ctx, start, vi, 6).and_then(|mut a| {
                    if a.last == vi || (a.last + 1 == vi && self.cue(doc, ctx, vi - 1, Cue::Relative)) {
                        return Some(a);
                    }
                    // "زعيم المعارضه رايلا اودينغا طالب": a title, then a name nobody knows
                    if a.kind == ActorKind::Head && a.last < vi && vi - a.last <= 3 && self.unknown_name(doc, ctx, a.last, vi) {
                        a.last = vi;
                        return Some(a);
                    }
                    None
                });
                let mut p = last;
                if let Some(a) = svo {
                    source = Some(a);
                } else {
                    // VSO: subject right after the verb (a quote mark or a time word may intervene).
                    let mut j = last;
                    while j < end
                        && j < last + 4
                        && (doc.tokens[j].kind == TokenKind::Quote
                            || self.is_quant(doc, ctx, j)
                            // "مئات من انصار …"
                            || (j > last && self.lex.words.preposition_from.contains(doc.tokens.norm(j)) && self.is_quant(doc, ctx, j - 1)))
                    {
                        j += 1;
                    }
                    // "منظمه \"فورو بينال\" الحقوقيه التي طالبت السلطات": after a relative
                    // pronoun the antecedent is the subject and the next actor the object
                    if i > start + 1 && self.cue(doc, ctx, i - 1, Cue::Relative) {
                        let mut k = i - 1;
                        let lo = start.max(i.saturating_sub(9));
                        while k > lo && source.is_none() {
                            k -= 1;
                            if is_hard_stop(doc, k) {
                                break;
                            }
                            if doc.tokens[k].kind == TokenKind::Quote {
                                continue;
                            }
                            if let Some(mut a) = self.actor_at(doc, ctx, k, i - 1).filter(|a| !a.prep && !a.place) {
                                if a.kind == ActorKind::Head {
                                    // the whole noun phrase: "منظمه \"فورو بينال\" الحقوقيه"
                                    a.last = i - 1;
                                }
                                source = Some(a);
                            }
                        }
                        if source.is_some() {
                            j = end;
                        }
                    }
                    let object_first = comp.is_some_and(|c| c <= j);
                    if object_first || self.adjectival_clause(doc, ctx, start, i) {
                        // "طرد 12 دبلوماسيا فرنسيا": the object follows, the subject is before;
                        // "تصعيد خطير يستهدف المدنيين": the indefinite noun is the subject
                        j = end;
                    }
                    // "رحب X بالخطوه، ودعا الاتحاد الي …": a coordinated verb shares the subject
                    // of the clause before; the words after it are its object.
                    let coordinated = i > start + 1
                        && doc.tokens.norm(i).starts_with('و')
                        && matches!(doc.tokens[i - 1].kind, TokenKind::Punct | TokenKind::Quote)
                        && (doc.tokens.norm(i - 1).ends_with(',')
                            || (doc.tokens.norm(i - 1) == "\"" && doc.tokens.norm(i - 2).ends_with(',')));
                    // "، وطالب الامين العام … الجانبين": a subject and an object follow
                    let explicit = (j < end && self.cue_loose(doc, ctx, j, Cue::Dual))
                        || self
                            .actor_at(doc, ctx, j, end)
                            .filter(|a| !a.prep)
                            .is_some_and(|a| self.actor_at(doc, ctx, a.last, end).is_some_and(|b| !b.prep));
                    let shared = if coordinated && !explicit {
                        // "نفت قوات الدعم السريع …، واتهمت الجيش": the first clause's subject
                        let at = doc.tokens[i].start as usize;
                        let quoted = ctx.quotes.iter().any(|(s, e, _, _)| *s <= at && at < *e);
                        prev_source.cloned().or_else(|| if quoted { None } else { self.clause_subject(doc, ctx, start, i, None) })
                    } else {
                        None
                    };
                    if let Some(s) = shared.filter(|s| s.kind == ActorKind::Name && s.first < i) {
                        source = Some(s);
                        j = end;
                    }
                    if source.is_some() {
                        // the shared subject
                    } else if let Some(a) = self
                        .actor_at(doc, ctx, j, end)
                        .filter(|a| !a.prep || (j > last && self.lex.words.preposition_from.contains(doc.tokens.norm(j - 1)) && self.is_quant(doc, ctx, j.saturating_sub(2))))
                    {
                        p = a.last;
                        // "قتل خمسه فلسطينيين", "اعتقل 32 شخصا": a counted noun after the
                        // verb is the victim of a passive, not its subject
                        if (matches!(t.etype, "ASSAULT" | "COERCE")
                            && (last..=a.first).any(|k| doc.tokens[k].kind == TokenKind::Number || self.cue(doc, ctx, k, Cue::Quant)))
                            || passive_marked(doc, i)
                        {
                            passive = true;
                            target = Some(a);
                        } else {
                        let reciprocal = matches!(t.etype, "CONSULT" | "AGREE" | "COOPERATE");
                        if reciprocal && p < end && self.conj_at(doc, ctx, p) {
                            if let Some(b) = self.actor_at(doc, ctx, p, end) {
                                p = b.last;
                                target = Some(b);
                            }
                        }
                        source = Some(a);
                        }
                    } else if i > start && self.cue_loose(doc, ctx, i - 1, Cue::CompPronoun) {
                        // "اعلن الاتحاد انه سيفرض": the subject of the reporting verb
                        let mut r = i - 1;
                        while r > start && r + 8 > i {
                            r -= 1;
                            if self.cue_loose(doc, ctx, r, Cue::Report) {
                                source = self
                                    .scan_forward(doc, ctx, r + 1, i - 1, 1)
                                    .or_else(|| self.scan_backward(doc, ctx, start, r, 4));
                                break;
                            }
                        }
                        // "وقالت الشرطه … وانها اعتقلت": the speaker of the clause
                        if source.is_none() {
                            source = self.clause_subject(doc, ctx, start, i, prev_source);
                        }
                    } else if i > start && self.cue(doc, ctx, i - 1, Cue::Relative) {
                        // "الفصائل التي رفضت": the antecedent
                        source = self.scan_backward(doc, ctx, start, i - 1, 6);
                    } else {
                        // a subject a few words before ("X، قال مسؤولون، شن…"), not a conjunct
                        source = self
                            .scan_backward(doc, ctx, start, i, 4)
                            .filter(|a| !self.conj_at(doc, ctx, a.first));
                    }
                }
                let p = if comp.is_some_and(|c| c >= p) { comp.unwrap() + 1 } else { p };
                if t.obj {
                    target = self.scan_forward(doc, ctx, p, end, 5).filter(|a| !a.place || a.kind == ActorKind::Name);
                }
                // "حركه طالبان التي تتهمها اسلام اباد": the pronoun is the relative's antecedent
                if i > start
                    && self.cue(doc, ctx, i - 1, Cue::Relative)
                    && source.as_ref().is_some_and(|s| s.first >= last)
                    && self.verb_with_pronoun_at(doc, ctx, i, 3)
                {
                    if let Some(a) = self.scan_backward(doc, ctx, start, i - 1, 6) {
                        target = Some(a);
                    }
                }
            }
            Pos::Noun => {
                let mut j = last;
                // "المتظاهرون": the trigger names the actor itself.
                if let Some(a) = self.actor_at(doc, ctx, i, end) {
                    if a.kind == ActorKind::Head && a.sector.as_deref() == Some("CVL") {
                        j = a.last;
                        source = Some(a);
                    }
                }
                // adjective nationality: "ضربات اميركيه"
                if let Some(mut a) = self.lex_actor_at(doc, ctx, j, end).filter(|a| a.kind == ActorKind::Nationality) {
                    a.last = self.extend_nationality(doc, ctx, a.last, end);
                    j = a.last;
                    if t.genobj {
                        target = Some(a);
                    } else {
                        source = Some(a);
                    }
                }
                // after an aspectual verb: "الاحتلال يواصل استهداف المدنيين",
                // "واصلت اسرائيل قصف غزه": the verb's subject acts, the genitive is hit
                if source.is_none() && target.is_none() && i > start {
                    let svo = self.cue_loose(doc, ctx, i - 1, Cue::Aspect).then(|| {
                        self.scan_backward(doc, ctx, start, i - 1, 6).filter(|a| a.last == i - 1)
                    });
                    let vso = || {
                        (start..i.saturating_sub(1)).rev().take(9).find(|&k| self.cue_loose(doc, ctx, k, Cue::Aspect)).and_then(|k| {
                            self.actor_at(doc, ctx, k + 1, i).filter(|a| a.last == i && !a.prep)
                        })
                    };
                    // "، واعلن نشر الجيش": the aspectual verb's own subject is left out
                    let dropped = || {
                        self.cue_loose(doc, ctx, i - 1, Cue::Aspect)
                            .then(|| self.clause_subject(doc, ctx, start, i - 1, prev_source))
                            .flatten()
                    };
                    if let Some(a) = svo.flatten().or_else(vso).or_else(dropped) {
                        source = Some(a);
                        if let Some(g) = self.actor_at(doc, ctx, j, end).filter(|g| !g.prep) {
                            j = g.last;
                            target = Some(g);
                        }
                    }
                }
                // "اقتحام واسع شنه الجيش", "غارات شنتها مسيرات تركيه": a verb whose
                // object pronoun refers back to the noun; its subject acts
                if source.is_none() {
                    let from = j;
                    for k in from..end.min(from + 3) {
                        if is_hard_stop(doc, k) || doc.tokens[k].kind != TokenKind::Word {
                            break;
                        }
                        if self.verb_with_pronoun_at(doc, ctx, k, 2) {
                            if let Some(a) = self.actor_at(doc, ctx, k + 1, end).filter(|a| !a.prep && !is_town(a)) {
                                j = a.last;
                                source = Some(a);
                            }
                            break;
                        }
                    }
                }
                // relative clause: "الهجوم الذي شنته حماس"
                let mut k = j;
                if k < end && !self.cue(doc, ctx, k, Cue::Relative) && k + 1 < end && self.cue(doc, ctx, k + 1, Cue::Relative) {
                    k += 1; // one adjective: "الهجمات الاخيره التي"
                }
                if source.is_none() && k + 1 < end && self.cue(doc, ctx, k, Cue::Relative) {
                    if let Some(a) = self.actor_at(doc, ctx, k + 2, end).filter(|a| !a.prep) {
                        j = a.last;
                        source = Some(a);
                    }
                } else if source.is_none() && target.is_none() {
                    // genitive, possibly after one adjective
                    let j_gen = j;
                    let facility = j + 1 < end && t.etype == "ASSAULT" && self.cue(doc, ctx, j, Cue::Facility);
                    let g = self.actor_at(doc, ctx, j, end).or_else(|| {
                        if j + 1 < end && (self.is_nisba(doc, ctx, j) || facility) {
                            self.actor_at(doc, ctx, j + 1, end)
                        } else {
                            None
                        }
                    });
                    // "احتجاجات كينيا": where people protest, not who
                    let g = g.filter(|a| !(t.etype == "PROTEST" && a.place));
                    if let Some(a) = g.filter(|a| !a.prep && !self.conj_at(doc, ctx, a.first)) {
                        j = a.last;
                        if facility && a.first == j_gen + 1 {
                            // "قصف مواقع الحركه": the owner of the positions is hit
                            target = Some(a);
                        } else if t.genobj {
                            // "اعتقال السلطات الفرنسيه موظفا جزائريا": agent, then object
                            if let Some(b) = self.scan_forward(doc, ctx, a.last, end, 2).filter(|b| !b.prep) {
                                j = b.last;
                                source = Some(a);
                                target = Some(b);
                            } else {
                                target = Some(a);
                            }
                        } else {
                            source = Some(a);
                        }
                    }
                }
                let _ = j;
                // "هجماتها علي السفن": the possessor is the subject of the clause
                if source.is_none() && t.etype != "PROTEST" {
                    let w = doc.tokens.norm(i);
                    if last == i + 1 && ends_with_any(w, &self.lex.words.possessive_suffix) && w.chars().count() > 4 {
                        source = self.clause_subject(doc, ctx, start, i, prev_source);
                    }
                }
                // "ورد الجيش بقصف …", "وحزب الله يرد بصواريخ على …": the noun is the
                // instrument of a verb whose subject stands just before.
                if source.is_none() && self.instrumental(doc, i) {
                    source = self.scan_backward(doc, ctx, start, i, 5).filter(|a| {
                        a.sector.as_deref() != Some("CVL")
                            && !is_town(a)
                            // "تعهدت المانيا بتقديم": the verb is an event of its own
                            && (a.first <= start || !self.triggers_here_verb(doc, ctx, a.first - 1))
                            && (a.last >= i || !self.triggers_here_verb(doc, ctx, a.last))
                            && (a.last == i
                                || (a.last + 1 == i
                                    && doc.tokens[a.last].kind == TokenKind::Word
                                    && self.cue_mask(doc, ctx, a.last) == 0))
                    });
                }
            }
            Pos::Participle => {
                // "…، متهما اسرائيل بـ…", "داعيا الاداره الاميركيه الي …": the subject
                // of the clause the participle hangs on acts; the object is the target.
                source = self.clause_subject(doc, ctx, start, i, prev_source);
                if t.obj {
                    target = self.scan_forward(doc, ctx, after, end, 3).filter(|a| !a.prep && (!a.place || a.kind == ActorKind::Name));
                }
            }
            Pos::Cue => {
                // X said that Y "violates the sovereignty": source = speaker, target = Y.
                let mut r = i;
                let mut speaker = None;
                let mut comp_at = None;
                let mut earliest_report = None;
                while r > start {
                    r -= 1;
                    if comp_at.is_none() && self.cue(doc, ctx, r, Cue::Complementizer) {
                        comp_at = Some(r);
                    }
                    if self.cue_loose(doc, ctx, r, Cue::Report) {
                        earliest_report = Some(r);
                        speaker = self.scan_forward_opt(doc, ctx, r + 1, comp_at.unwrap_or(i), 0, false);
                        if speaker.is_some() {
                            break;
                        }
                    }
                }
                if speaker.is_none() {
                    if let Some(r) = earliest_report {
                        speaker = self.scan_backward(doc, ctx, start, r, 6);
                    }
                }
                source = speaker;
                if let Some(c) = comp_at {
                    target = self.scan_forward_opt(doc, ctx, c + 1, i, 6, false);
                }
                source.as_ref()?;
            }
        }
        // Targets after على/ضد/نحو and partners after مع; "بين X و Y".
        if t.pos != Pos::Cue {
            let from = after.max(source.as_ref().filter(|s| s.first >= i).map(|s| s.last).unwrap_or(0));
            // "بحث X مع Y": the companion itself introduces the partner
            let from = comp.filter(|&c| c + 1 == after && c >= i && self.cue(doc, ctx, c, Cue::Partner) && from == after).unwrap_or(from);
            let partner_type = matches!(t.etype, "CONSULT" | "AGREE" | "COOPERATE" | "AID" | "SUPPORT");
            let prep_type = matches!(
                t.etype,
                "ASSAULT" | "COERCE" | "PROTEST" | "ACCUSE" | "THREATEN" | "SANCTION" | "MOBILIZE" | "REQUEST" | "AID"
            );
            let mut j = from;
            let window = match t.etype {
                "AID" => 9,
                // "هددت بشن عمليه بريه واسعه ضد المقاتلين": the target of the threatened act
                "THREATEN" | "REQUEST" | "ACCUSE" => 10,
                _ => 5,
            };
            while target.is_none() && j < end && j < from + window {
                if is_hard_stop(doc, j) {
                    break;
                }
                if j > from && self.triggers_here_verb(doc, ctx, j) {
                    break;
                }
                if prep_type && self.cue(doc, ctx, j, Cue::Target) && !self.cue(doc, ctx, j, Cue::TargetPronoun) {
                    target = self.scan_target(doc, ctx, j + 1, end);
                    break;
                }
                if t.etype == "PROTEST" && self.cue_loose(doc, ctx, j, Cue::ProtestTarget) {
                    // "امام السفاره الاميركيه"
                    target = self.scan_target(doc, ctx, j + 1, end);
                    break;
                }
                if t.etype == "AID" && self.cue(doc, ctx, j, Cue::Recipient) {
                    target = self.scan_target(doc, ctx, j + 1, end);
                    break;
                }
                if (partner_type || t.etype == "SANCTION") && self.cue(doc, ctx, j, Cue::Partner) {
                    target = self.scan_forward(doc, ctx, j + 1, end, 2);
                    break;
                }
                if self.cue(doc, ctx, j, Cue::Between) {
                    if let Some(a) = self.actor_at(doc, ctx, j + 1, end) {
                        let mut k = a.last;
                        // skip adjectives until the "و" conjunct
                        while k < end && k < a.last + 3 && !doc.tokens.norm(k).starts_with('و') {
                            k += 1;
                        }
                        let b = (k < end).then(|| self.actor_at(doc, ctx, k, end)).flatten();
                        if source.is_none() || b.is_some() {
                            if source.is_some() {
                                target = Some(a);
                            } else {
                                source = Some(a);
                                target = b;
                            }
                        }
                    }
                    break;
                }
                // agent: "على ايدي X", "على يد X"
                if self.cue(doc, ctx, j, Cue::Target) && j + 1 < end && self.cue(doc, ctx, j + 1, Cue::AgentHand) {
                    if let Some(a) = self.scan_forward(doc, ctx, j + 2, end, 1) {
                        if source.as_ref().is_some_and(|s| s.first > i) && target.is_none() {
                            target = source.take(); // the victims were parsed as subject
                        }
                        source = Some(a);
                    }
                    break;
                }
                // agent: "من قبل X"
                if self.cue(doc, ctx, j, Cue::AgentFrom) && j + 1 < end && self.cue(doc, ctx, j + 1, Cue::Agent) {
                    if let Some(a) = self.scan_forward(doc, ctx, j + 2, end, 1) {
                        source = Some(a);
                    }
                }
                j += 1;
            }
            // "المساعده للقوات العراقيه": ل + recipient for aid.
            if target.is_none() && matches!(t.etype, "AID" | "AGREE" | "CONCEDE" | "SUPPORT") {
                let dative = |a: &Arg| {
                    let w = doc.tokens.norm(a.first);
                    let w = w.strip_prefix('و').unwrap_or(w);
                    w.starts_with('ل') || (a.first > 0 && self.cue(doc, ctx, a.first - 1, Cue::Recipient))
                };
                let reach = if t.etype == "AID" { 10 } else { 5 };
                // "لمحافظات مارب وتعز": ل on the place head before the name
                let dative_place = |a: &Arg| {
                    a.first > 0 && doc.tokens.norm(a.first - 1).starts_with('ل') && self.lex_actor_at(doc, ctx, a.first - 1, a.first).is_some_and(|p| p.kind == ActorKind::Place)
                };
                if let Some(a) = self.scan_forward(doc, ctx, from, end, reach).filter(|a| (a.prep && dative(a)) || dative_place(a)) {
                    target = Some(a);
                }
            }
            // agent anywhere shortly after
            if source.is_none() || t.pos == Pos::Noun {
                let mut j = after;
                while j + 2 < end && j < after + 14 {
                    if is_hard_stop(doc, j) {
                        break;
                    }
                    if self.cue(doc, ctx, j, Cue::AgentFrom) && self.cue(doc, ctx, j + 1, Cue::Agent) {
                        if let Some(a) = self.scan_forward(doc, ctx, j + 2, end, 1) {
                            source = Some(a);
                        }
                        break;
                    }
                    j += 1;
                }
            }
            // Coordinated subject of a reciprocal verb: "واشنطن وبغداد تتفاوضان".
            if partner_type && target.is_none() {
                if let Some(a) = source.as_ref().filter(|a| a.last <= i && self.conj_at(doc, ctx, a.first)) {
                    if let Some(b) = self.scan_backward(doc, ctx, start, a.first, 3).filter(|b| b.last == a.first) {
                        target = source.take();
                        source = Some(b);
                    }
                }
            }
        }
        // "في مؤتمر صحفي مشترك مع X": a meeting noun with a partner and no
        // author of its own belongs to the subject of the clause.
        if t.pos == Pos::Noun && t.etype == "CONSULT" && source.is_none() && target.is_some() {
            source = self.clause_subject(doc, ctx, start, i, prev_source).filter(|s| s.first < i);
        }
        // Possessive heads ("قواتها") stand for the actor named before.
        for arg in [&mut source, &mut target] {
            if let Some(a) = arg.as_ref() {
                if a.country.is_none() && a.last == a.first + 1 && a.first > start {
                    let w = doc.tokens.norm(a.first);
                    // "قواتها", "عناصرهم", "مقاتليه" (a head with a possessive pronoun)
                    let his = self.lex.words.his_suffix.iter().filter(|s| !s.is_empty()).any(|s| {
                        w.strip_suffix(s.as_str()).is_some_and(|h| {
                            let h = h.strip_prefix('و').unwrap_or(h);
                            h.chars().count() > 3 && self.lex.actors.contains_key(strip_article(h))
                        })
                    });
                    if a.kind == ActorKind::Head && (ends_with_any(w, &self.lex.words.head_possessive_suffix) || his) {
                        let before = self
                            .scan_backward(doc, ctx, start, a.first, 12)
                            .filter(|b| b.country.is_some() || (b.sector.is_some() && b.sector == a.sector))
                            .or_else(|| {
                                // "اعلن حزب الله ان مقاتليه اطلقوا": the named actor before the complementizer
                                (a.first.saturating_sub(12).max(start)..a.first)
                                    .rev()
                                    .filter_map(|k| self.actor_at(doc, ctx, k, a.first))
                                    .find(|b| b.kind == ActorKind::Name)
                                    .filter(|b| b.kind == ActorKind::Name && b.country.is_some() && !is_town(b) && !b.prep)
                            });
                        if let Some(b) = before {
                            *arg = Some(Arg { sector: a.sector.clone().or(b.sector.clone()), ..b });
                        }
                    }
                }
            }
        }
        // "تظاهر مئات الخريجين": whoever is counted after a protest verb protests.
        if source.is_none() && t.etype == "PROTEST" && t.pos == Pos::Verb && comp.is_none() {
            let mut j = last;
            while j < end && j < last + 3 && self.is_quant(doc, ctx, j) {
                j += 1;
            }
            if j > last && j < end && doc.tokens[j].kind == TokenKind::Word && self.cue_mask(doc, ctx, j) == 0 {
                source = Some(Arg::civilians_at(j));
            }
        }
        // "خرجت مظاهرات …": the demonstrations stand for the demonstrators.
        if source.is_none() && t.etype == "PROTEST" && t.pos == Pos::Verb {
            if let Some(c) = comp {
                source = Some(Arg::civilians_at(c));
            }
        }
        // A statement quoted from a speaker is the speaker's act: "… انتهاك صارخ …".
        // Not when a noun phrase the layer does not know stands right before the
        // verb ("التصعيد العسكري يهدد المكاسب"): that is the subject.
        let np_before = t.pos == Pos::Verb
            && i > start
            && doc.tokens[i - 1].kind == TokenKind::Word
            && self.cue_mask(doc, ctx, i - 1) == 0
            && !self.cue_loose(doc, ctx, i - 1, Cue::Report);
        // "اعلن الجيش الاسرائيلي ان طائره مسيره استهدفت …": a force without a
        // country in what a military or government speaker reports is the speaker's own.
        if let Some(sa) = source.as_mut().filter(|s| {
            s.kind == ActorKind::Head && s.actor.is_none() && s.country.is_none() && matches!(s.sector.as_deref(), Some("MIL" | "COP"))
        }) {
            let at = doc.tokens[i].start as usize;
            if let Some((_, _, _, q)) = ctx.quotes.iter().find(|(s, e, _, q)| {
                *s <= at && at < *e && q.country.is_some() && matches!(q.sector.as_deref(), Some("MIL" | "GOV" | "COP"))
            }) {
                sa.country = q.country.clone();
                sa.actor = q.actor.clone();
            }
        }
        // A bare description ("المنظمه تطالب") inside the quotation stands for the speaker.
        let vague = source.as_ref().is_some_and(|s| {
            s.kind == ActorKind::Head
                && s.actor.is_none()
                && s.country.is_none()
                && s.last == s.first + 1
                && matches!(s.sector.as_deref(), None | Some("NGO"))
        });
        if (source.is_none() && !np_before || vague)
            && matches!(t.etype, "ACCUSE" | "THREATEN" | "REQUEST" | "REJECT" | "SUPPORT")
        {
            let at = doc.tokens[i].start as usize;
            if let Some((_, _, _, a)) = ctx.quotes.iter().find(|(s, e, _, _)| *s <= at && at < *e) {
                source = Some(a.clone());
            }
        }
        // A town is where things happen, not who acts: in "قصف ام درمان" it is
        // the target of the attack.
        if source.as_ref().is_some_and(is_town) {
            let town = source.take();
            if target.is_none() && t.etype == "ASSAULT" {
                target = town;
            }
        }
        // "بحث الوزيران": both parties in one word, resolved once all events are found
        if target.is_none()
            && matches!(t.etype, "CONSULT" | "AGREE" | "COOPERATE")
            && source.as_ref().is_some_and(|a| a.last == a.first + 1 && self.cue_loose(doc, ctx, a.first, Cue::Dual))
        {
            target = source.clone();
        }
        // "قُتل فلان": a verb written as a passive has no subject after it
        if t.pos == Pos::Verb && passive_marked(doc, i) {
            passive = true;
            if source.as_ref().is_some_and(|s| s.first > i) {
                let s = source.take();
                if target.is_none() {
                    target = s;
                }
                // the agent: "من قبل X"
                let mut j = last;
                while j + 2 < end && j < last + 14 && !is_hard_stop(doc, j) {
                    if self.cue(doc, ctx, j, Cue::AgentFrom) && self.cue(doc, ctx, j + 1, Cue::Agent) {
                        source = self.scan_forward(doc, ctx, j + 2, end, 1);
                        break;
                    }
                    j += 1;
                }
            }
        }
        // a passive whose agent is not named: nobody to report as acting
        if passive && source.is_none() {
            return None;
        }
        // requirements
        if t.patient && target.is_none() {
            target = source.take();
        }
        if source.is_none() && target.is_none() {
            let ok = t.bare
                && (t.pos == Pos::Verb
                    || self.place_after(doc, ctx, start, end).is_some()
                    || self.has_casualties(doc, ctx, start, end, i, last));
            if !ok {
                return None;
            }
        } else if t.need_target && target.is_none() && t.bare {
            // bare events need no target
        }
        if (t.need_target && target.is_none() && !(t.bare && source.is_some()))
            || (t.need_source && source.is_none())
            || (t.need_both && (source.is_none() || target.is_none()))
        {
            return None;
        }
        if t.named && !source.as_ref().is_some_and(|s| s.kind == ActorKind::Name) {
            return None;
        }
        // A verb with only an unnamed description as its object and nobody acting.
        if t.pos == Pos::Verb
            && !t.bare
            && source.is_none()
            && target.as_ref().is_some_and(|g| g.kind == ActorKind::Head && g.country.is_none() && g.actor.is_none())
        {
            return None;
        }
        // "هدد بان اسرائيل ستعيد لبنان": the first actor of the threat is the
        // threatener's own side; the threatened one follows.
        if t.etype == "THREATEN" {
            if let (Some(s), Some(g)) = (&source, &target) {
                if s.country.is_some() && s.country == g.country && g.first > i {
                    target = self
                        .scan_forward_opt(doc, ctx, g.last, end, 3, false)
                        .filter(|b| b.country.is_some() && b.country != s.country);
                }
            }
        }
        if let (Some(s), Some(g)) = (&source, &target) {
            if s.first == g.first && !self.cue_loose(doc, ctx, s.first, Cue::Dual) {
                target = None;
            }
        }
        let (negated, hypothetical) = self.modality(doc, ctx, start, i, last, future);
        if hypothetical && source.is_none() && (target.is_none() || matches!(t.etype, "ASSAULT" | "COERCE" | "MOBILIZE" | "RETREAT")) {
            return None; // an unattributed event that is only threatened or demanded
        }
        if let Some(c) = comp {
            consumed.push(c);
        }
        for k in i + 1..last {
            consumed.push(k);
        }
        Some(Cand { trigger: tid, first: i, last, source, target, negated, hypothetical, sentence: 0 })
    }

    /// Arguments that point back to earlier events: "الجانبان" (the two
    /// parties of the last two-sided event); the condemned or rejected
    /// object that is itself an earlier event ("ادانت … الضربات": whoever
    /// struck) or an earlier statement ("تصريحات رفضتها السلطه": whoever
    /// made them). A noun read as an anaphoric object is no new event.
    fn resolve_references(&self, doc: &Doc, ctx: &Ctx, cands: &mut Vec<Cand>) {
        let n = doc.tokens.len();
        let mut drop = vec![false; cands.len()];
        let mut hits = Vec::with_capacity(8);
        for k in 0..cands.len() {
            let is_dual = |a: &Option<Arg>| a.as_ref().is_some_and(|a| a.last == a.first + 1 && self.cue_loose(doc, ctx, a.first, Cue::Dual));
            if is_dual(&cands[k].source) {
                let pair = (0..k).rev().take(12).find(|&m| {
                    cands[m].source.is_some() && cands[m].target.is_some() && !is_dual(&cands[m].source) && !drop[m]
                });
                if let Some(m) = pair {
                    cands[k].source = cands[m].source.clone();
                    if cands[k].target.is_none() || is_dual(&cands[k].target) {
                        cands[k].target = cands[m].target.clone();
                    }
                }
            }
            // "فرضت … عقوبات على 16 مسؤولا، متهمه اياهم": the object of the event before
            if cands[k].target.is_none() && k > 0 && cands[k - 1].sentence == cands[k].sentence {
                let q = cands[k].last;
                if q < n && self.lex.words.detached_object.contains(doc.tokens.norm(q)) {
                    cands[k].target = cands[k - 1].target.clone();
                }
            }
            if is_dual(&cands[k].target) && !is_dual(&cands[k].source) {
                // "طالب غوتيريش الجانبين بضبط النفس": one of the two will do
                let own = cands[k].source.as_ref().and_then(|s| s.country.clone());
                let pair = (0..k).rev().take(12).find(|&m| {
                    cands[m].source.is_some()
                        && cands[m].target.is_some()
                        && !is_dual(&cands[m].source)
                        && !drop[m]
                        && (own.is_none() || cands[m].source.as_ref().and_then(|s| s.country.clone()) != own)
                });
                if let Some(m) = pair {
                    cands[k].target = cands[m].source.clone();
                }
            }
            let t = &self.lex.triggers[cands[k].trigger as usize];
            if cands[k].target.is_some()
                || !matches!(t.etype, "ACCUSE" | "REJECT" | "SUPPORT" | "REQUEST" | "THREATEN")
                || t.pos == Pos::Cue
            {
                continue;
            }
            let object_pronoun = t.pos == Pos::Verb && {
                self.verb_with_pronoun_at(doc, ctx, cands[k].first, 3)
            };
            if !object_pronoun && !matches!(t.etype, "ACCUSE" | "REJECT" | "SUPPORT") {
                continue;
            }
            let Some(src) = cands[k].source.clone() else { continue };
            let sent_end = doc.sentence_tokens(cands[k].sentence).end.min(n);
            let mut p = cands[k].last;
            if src.first >= p && src.first <= p + 1 {
                p = src.last;
            }
            // "المجموعه الاقتصاديه … (ايكواس) بقرار …": skip the acronym
            if p < sent_end && doc.tokens.norm(p) == "(" {
                if let Some(close) = (p + 1..sent_end.min(p + 5)).find(|&q| doc.tokens.norm(q) == ")") {
                    p = close + 1;
                }
            }
            // the earlier event whose author is meant, of a type (None = any statement)
            let mut want: Option<Option<&'static str>> = None;
            let mut noun_at = None;
            for q in p..sent_end.min(p + 3) {
                if is_hard_stop(doc, q) {
                    break;
                }
                if self.statement_at(doc, ctx, q) {
                    // "رحبت … بقرار السلطات": the statement's author follows it
                    if let Some(a) = self.actor_at(doc, ctx, q + 1, sent_end).filter(|a| !a.prep && !is_town(a)) {
                        cands[k].target = Some(a);
                        want = None;
                    } else {
                        want = Some(None);
                    }
                    break;
                }
                let w = doc.tokens.norm(q);
                let w = w.strip_prefix('و').unwrap_or(w);
                if w.starts_with(ARTICLE) {
                    self.triggers_at(doc, ctx, q, sent_end, &mut hits);
                    if let Some(&(tid, _, _)) = hits.iter().find(|h| self.lex.triggers[h.0 as usize].pos == Pos::Noun) {
                        want = Some(Some(self.lex.triggers[tid as usize].etype));
                        noun_at = Some(q);
                        break;
                    }
                }
                if self.actor_at(doc, ctx, q, sent_end).is_some() {
                    break;
                }
            }
            // "رفضتها": an object pronoun on the verb
            if want.is_none() && object_pronoun {
                want = Some(None);
            }
            if cands[k].target.is_some() {
                continue;
            }
            let Some(want) = want else { continue };
            let same = |a: &Arg| {
                (a.actor.is_some() && a.actor == src.actor) || (a.country.is_some() && a.country == src.country)
            };
            let lo_sent = cands[k].sentence.saturating_sub(6);
            let fits = |m: usize| {
                let mt = self.lex.triggers[cands[m].trigger as usize].etype;
                !drop[m]
                    && want.is_none_or(|w| w == mt)
                    && noun_at != Some(cands[m].first)
                    && cands[m].source.as_ref().is_some_and(|a| !same(a) && (a.kind != ActorKind::Head || a.last >= a.first + 3))
            };
            // the event named with the same word ("شنت … غارات" for "الغارات") first
            let noun = noun_at.map(|q| strip_article(doc.tokens.norm(q).strip_prefix('و').unwrap_or(doc.tokens.norm(q))));
            let named = noun.and_then(|w| {
                (0..k).rev().take_while(|&m| cands[m].sentence >= lo_sent).find(|&m| {
                    fits(m)
                        && (cands[m].first..(cands[m].first + 6).min(n))
                            .any(|q| strip_article(doc.tokens.norm(q).strip_prefix('و').unwrap_or(doc.tokens.norm(q))) == w)
                })
            });
            let ante = named.or_else(|| (0..k).rev().take_while(|&m| cands[m].sentence >= lo_sent).find(|&m| fits(m)));
            if let Some(m) = ante {
                cands[k].target = cands[m].source.clone();
                if let Some(q) = noun_at {
                    if let Some(d) = (k + 1..cands.len()).find(|&d| cands[d].first == q) {
                        drop[d] = true;
                    }
                }
            }
        }
        let mut it = drop.into_iter();
        cands.retain(|_| !it.next().unwrap_or(false));
    }

    /// [`Self::verb_with_pronoun`] for token `i` (remembered per word; `min_stem` 2 or 3).
    fn verb_with_pronoun_at(&self, doc: &Doc, ctx: &Ctx, i: usize, min_stem: usize) -> bool {
        debug_assert!(min_stem == 2 || min_stem == 3, "one memo slot per stem length");
        let (known, yes) = if min_stem == 2 { (PRONOUN2_KNOWN, PRONOUN2) } else { (PRONOUN3_KNOWN, PRONOUN3) };
        remembered_fact(&ctx.word(i).facts, known, yes, || self.verb_with_pronoun(doc.tokens.norm(i), min_stem))
    }

    /// A trigger verb with an object pronoun (شنه، رفضتها، طالبوه = طالبوا + ه).
    fn verb_with_pronoun(&self, w: &str, min_stem: usize) -> bool {
        let w = w.strip_prefix('و').filter(|r| !self.lex.is_verb_form(w) && r.chars().count() > 2).unwrap_or(w);
        let Some(stem) =
            self.lex.words.object_suffix.iter().filter(|s| !s.is_empty()).find_map(|s| w.strip_suffix(s.as_str()))
        else {
            return false;
        };
        if stem.chars().count() < min_stem {
            return false;
        }
        // an ending that lost its last letter before the pronoun: "طالبو" + "ا"
        self.lex.is_verb_form(stem)
            || self.lex.words.alif_before_pronoun.iter().any(|full| {
                let mut cs = full.chars();
                let last = cs.next_back();
                let short = cs.as_str();
                !short.is_empty()
                    && stem.ends_with(short)
                    && last.is_some_and(|c| {
                        let mut s = String::with_capacity(stem.len() + 2);
                        s.push_str(stem);
                        s.push(c);
                        self.lex.is_verb_form(s.as_str())
                    })
            })
    }

    /// A statement or decision noun, with or without ب/ل and the article ("بقرار", "الدعوه").
    /// (Remembered per word, in the word memo.)
    fn statement_at(&self, doc: &Doc, ctx: &Ctx, q: usize) -> bool {
        remembered_fact(&ctx.word(q).facts, STATEMENT_KNOWN, STATEMENT, || {
            let w = doc.tokens.norm(q);
            let w = w.strip_prefix('و').unwrap_or(w);
            let w = w.strip_prefix('ب').or_else(|| w.strip_prefix('ل')).filter(|r| r.chars().count() > 2).unwrap_or(w);
            let has = |x: &str| self.lex.cue_mask(x) & Cue::Statement.bit() != 0;
            has(w) || has(strip_article(w))
        })
    }

    /// The subject of the clause a participle or pronoun hangs on: the speaker
    /// of a quotation introduced earlier in the sentence, else the subject of
    /// the event before it, else the subject of the sentence's first verb.
    fn clause_subject(&self, doc: &Doc, ctx: &Ctx, start: usize, i: usize, prev: Option<&Arg>) -> Option<Arg> {
        let lo = doc.tokens[start].start as usize;
        let at = doc.tokens[i].start as usize;
        if let Some((_, _, _, a)) = ctx
            .quotes
            .iter()
            .filter(|(_, _, cue, a)| *cue >= lo && *cue <= at && a.first < i && a.first >= start)
            .max_by_key(|(_, _, cue, _)| *cue)
        {
            return Some(a.clone());
        }
        if let Some(p) = prev.filter(|p| p.first < i) {
            return Some(p.clone());
        }
        for r in start..i {
            if is_hard_stop(doc, r) && doc.tokens.norm(r) != "," {
                break;
            }
            if self.cue_loose(doc, ctx, r, Cue::Report) || self.cue_loose(doc, ctx, r, Cue::Denial) || self.triggers_here_verb(doc, ctx, r) {
                let svo = self.scan_backward(doc, ctx, start, r, 6).and_then(|mut a| {
                    if a.last == r {
                        Some(a)
                    } else if a.kind == ActorKind::Head && a.last < r && r - a.last <= 3 && self.unknown_name(doc, ctx, a.last, r) {
                        a.last = r;
                        Some(a)
                    } else {
                        None
                    }
                });
                return svo
                    .or_else(|| self.scan_forward_opt(doc, ctx, r + 1, i, 1, false).filter(|a| !a.prep && !is_town(a)))
                    .or_else(|| self.scan_backward(doc, ctx, start, r, 4));
            }
        }
        None
    }

    /// The country of the actor or place nearest to the trigger in its sentence.
    fn nearest_country(&self, doc: &Doc, ctx: &Ctx, c: &Cand) -> Option<String> {
        let r = doc.sentence_tokens(c.sentence);
        let lo = r.start.max(c.first.saturating_sub(30));
        let hi = r.end.min(c.last + 30).min(doc.tokens.len());
        let mut best: Option<(usize, String)> = None;
        let mut j = lo;
        while j < hi {
            if let Some(a) = self.actor_at(doc, ctx, j, hi) {
                if let Some(country) = a.country.clone().filter(|c| c.len() == 3 && !matches!(c.as_str(), "IGO" | "NGO" | "IMG" | "UNO" | "EUR")) {
                    let d = if a.last <= c.first { c.first - a.last } else { a.first.saturating_sub(c.last) };
                    if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                        best = Some((d, country));
                    }
                }
                j = a.last.max(j + 1);
            } else {
                j += 1;
            }
        }
        best.map(|(_, c)| c)
    }

    fn has_casualties(&self, doc: &Doc, ctx: &Ctx, start: usize, end: usize, first: usize, last: usize) -> bool {
        (start..end).any(|k| {
            !(first..last).contains(&k)
                && doc.tokens[k].kind == TokenKind::Word
                && (self.cue_loose(doc, ctx, k, Cue::Killed) || self.cue_loose(doc, ctx, k, Cue::Injured))
        })
    }

    fn triggers_here_verb(&self, doc: &Doc, ctx: &Ctx, j: usize) -> bool {
        let f = self.verb_form_facts(doc, ctx, j);
        (f & VERB_FORM != 0 && !doc.tokens.norm(j).starts_with(ARTICLE)) || f & VERB_FORM_AFTER_CONJ != 0
    }

    /// (negated, hypothetical) from the words before the trigger.
    fn modality(&self, doc: &Doc, ctx: &Ctx, start: usize, i: usize, last: usize, future: bool) -> (bool, bool) {
        let mut negated = false;
        let mut hyp = future;
        let lo = start.max(i.saturating_sub(3));
        for k in (lo..i).rev() {
            if is_hard_stop(doc, k) {
                break;
            }
            if self.cue_loose(doc, ctx, k, Cue::Negation) {
                negated = true;
            }
            if self.cue_loose(doc, ctx, k, Cue::Future)
                || self.cue_loose(doc, ctx, k, Cue::Conditional)
                || self.cue_loose(doc, ctx, k, Cue::Modal)
            {
                // "وكان غروندبرغ قد التقى": كان … قد + past is a pluperfect, not a possibility
                let perfect = self.lex.words.perfect_particle.contains(doc.tokens.norm(k));
                let pluperfect = perfect
                    && (start.max(k.saturating_sub(5))..k).any(|m| {
                        let w = doc.tokens.norm(m);
                        self.lex.words.past_copula.contains(w.strip_prefix('و').unwrap_or(w))
                    });
                // "قد التقي" (قد + past) reports a fact; "قد يلتقي"/"قد تدرس" (present) a possibility
                let past_after = perfect && k + 1 < doc.tokens.len() && {
                    let w = doc.tokens.norm(k + 1);
                    let w = w.strip_prefix('و').unwrap_or(w);
                    let fx = &self.lex.words;
                    // a present prefix, unless it also begins past stems and the word has a past ending
                    !fx.present_prefix.iter().filter(|p| !p.is_empty()).any(|p| {
                        w.starts_with(p.as_str())
                            && !(fx.past_stem_initial.contains(p) && ends_with_any(w, &fx.past_feminine_suffix))
                    })
                };
                if !pluperfect && !past_after {
                    hyp = true;
                }
            }
        }
        // the complement of a threat or demand: "هدد بتوسيع الهجمات"
        let lo = start.max(i.saturating_sub(8));
        for k in lo..i {
            if self.cue_loose(doc, ctx, k, Cue::Modal) && self.triggers_here_verb(doc, ctx, k) {
                hyp = true;
            }
        }
        // "نفى ان ..." within the sentence before the trigger
        let lo = start.max(i.saturating_sub(12));
        for k in (lo..i).rev() {
            // "نفت … ان تكون قد قصفت السوق، واتهمت الجيش": a comma ends the denial
            if is_hard_stop(doc, k) {
                break;
            }
            if self.cue_loose(doc, ctx, k, Cue::Denial) {
                negated = true;
            }
        }
        // "… ليس وشيكا" right after a nominal trigger
        for k in last..doc.tokens.len().min(last + 4) {
            if is_hard_stop(doc, k) {
                break;
            }
            if self.cue(doc, ctx, k, Cue::PostNegation) {
                negated = true;
            }
        }
        (negated, hyp)
    }

    fn counts(
        &self,
        doc: &Doc,
        ctx: &Ctx,
        numbers: &[marsad_text::NumberExpr],
        c: &Cand,
        all: &[Cand],
        target: &mut Option<Arg>,
    ) -> Counts {
        let mut counts = Counts::default();
        let etype = self.lex.triggers[c.trigger as usize].etype;
        if !counted_type(etype) {
            return counts;
        }
        // counts go to the first eligible event of the sentence
        let owner = all.iter().find(|o| {
            o.sentence == c.sentence
                && matches!(self.lex.triggers[o.trigger as usize].etype, "ASSAULT" | "COERCE" | "PROTEST")
        });
        let is_owner = owner.is_some_and(|o| o.first == c.first);
        let sent = doc.sentences[c.sentence];
        let r = doc.sentence_tokens(c.sentence);
        let lo = numbers.partition_point(|ne| ne.tokens.start < r.start);
        for ne in &numbers[lo..] {
            if ne.tokens.start >= r.end || (doc.tokens[ne.tokens.start].start as usize) >= sent.end {
                break;
            }
            if ne.percent || !(ne.value > 0.0 && ne.value < 1e8) {
                continue;
            }
            // a year is no count
            if (1900.0..2100.0).contains(&ne.value) && ne.value.fract() == 0.0 {
                continue;
            }
            let mut cat = None;
            let a = ne.tokens.end;
            // the nearest casualty word on either side: "قتل 18", "18 قتيلا"
            let mut order = Vec::with_capacity(6);
            for d in 0..4 {
                if d < 2 && ne.tokens.start > r.start + d {
                    order.push(ne.tokens.start - 1 - d);
                }
                if a + d < r.end {
                    order.push(a + d);
                }
            }
            'find: for k in order {
                for (cue, idx) in
                    [(Cue::Killed, 0usize), (Cue::Injured, 1), (Cue::Arrested, 2), (Cue::Displaced, 3)]
                {
                    if self.cue_loose(doc, ctx, k, cue) {
                        cat = Some(idx);
                        break 'find;
                    }
                }
            }
            let Some(cat) = cat else { continue };
            let fits = match cat {
                0 | 1 => matches!(etype, "ASSAULT" | "PROTEST" | "COERCE"),
                2 => matches!(etype, "COERCE" | "PROTEST" | "ASSAULT"),
                _ => true,
            };
            if !fits || !is_owner {
                continue;
            }
            let v = Some(Count { value: ne.value, approx: ne.approx });
            let slot = match cat {
                0 => &mut counts.killed,
                1 => &mut counts.injured,
                2 => &mut counts.arrested,
                _ => &mut counts.displaced,
            };
            if slot.is_none() {
                *slot = v;
            }
            // the victims as target: "70 اميركيا اصيبوا"
            if target.is_none() && etype == "ASSAULT" && cat <= 1 && a < r.end {
                if let Some(v) = self.actor_at(doc, ctx, a, r.end) {
                    *target = Some(v);
                }
            }
        }
        counts
    }

    fn location(&self, doc: &Doc, ctx: &Ctx, c: &Cand, sent: Sentence) -> Option<ActorSpan> {
        let r = doc.sentence_tokens(c.sentence);
        let _ = sent;
        // a place after the trigger, else one earlier in the sentence ("في بانكوك، تظاهر…")
        let a = self
            .place_after(doc, ctx, c.last, r.end.min(c.last + 14))
            .or_else(|| self.place_after(doc, ctx, r.start.max(c.first.saturating_sub(14)), c.first))?;
        let mut s = actor_span(doc, &a);
        s.sector = None;
        Some(s)
    }

    fn place_after(&self, doc: &Doc, ctx: &Ctx, from: usize, to: usize) -> Option<Arg> {
        let search = |from: usize, to: usize| -> Option<Arg> {
            let mut j = from;
            while j + 1 < to {
                if is_hard_stop(doc, j) {
                    return None;
                }
                let w = doc.tokens.norm(j);
                if self.cue_loose(doc, ctx, j, Cue::Place) {
                    if let Some(a) = self.actor_at(doc, ctx, j + 1, to).filter(|a| a.place) {
                        return Some(a);
                    }
                    // a place the entity layer found ("في مطار معيتيقه")
                    if ctx.ent_at[j + 1] > 0 {
                        let e = &doc.entities[ctx.ent_at[j + 1] as usize - 1];
                        if matches!(e.entity_type, marsad_doc::EntityType::LOC | marsad_doc::EntityType::FAC) {
                            let last = (doc.tokens.index_at(e.end.saturating_sub(1)) + 1).clamp(j + 2, to.max(j + 2));
                            let country = e.country.clone().or_else(|| {
                                e.actor.as_deref().and_then(marsad_entities::actor).and_then(|i| i.country)
                            });
                            return Some(Arg {
                                first: j + 1,
                                last,
                                actor: e.actor.clone(),
                                country,
                                sector: None,
                                prep: true,
                                kind: ActorKind::Place,
                                place: true,
                            });
                        }
                    }
                    if let Some(mut a) = self.lex_actor_at(doc, ctx, j + 1, to).filter(|a| a.kind == ActorKind::Place) {
                        // "مدينه الموصل": the head and its name
                        if a.last < to && doc.tokens[a.last].kind == TokenKind::Word {
                            a.last += 1;
                        }
                        return Some(a);
                    }
                }
                // "بالعراق"
                if w.starts_with('ب') || w.starts_with("وب") {
                    if let Some(a) =
                        self.lex_actor_at(doc, ctx, j, to).filter(|a| a.place && a.sector.is_none() && a.kind != ActorKind::Place)
                    {
                        return Some(a);
                    }
                }
                j += 1;
            }
            None
        };
        search(from, to.min(from + 14))
    }
}

/// Event types that carry counts (killed, injured, arrested, displaced).
fn counted_type(etype: &str) -> bool {
    matches!(etype, "ASSAULT" | "COERCE" | "PROTEST" | "MOBILIZE")
}

/// A verb written with a damma on its first letter ("قُتل", "وأُطلق"): the
/// passive voice, whose following noun is the patient.
fn passive_marked(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    let word = doc.text().get(t.byte_start as usize..t.byte_end as usize).unwrap_or("");
    let mut chars = word.chars().filter(|c| *c != '\u{0640}');
    let mut first = chars.next();
    if matches!(first, Some('و' | 'ف')) {
        first = chars.next();
    }
    first.is_some() && chars.next() == Some('\u{064F}')
}

/// A named place that is not a country or seat of government (whose actor
/// id is the country itself): a town or region.
fn is_town(a: &Arg) -> bool {
    a.place
        && a.kind == ActorKind::Name
        && match (a.actor.as_deref(), a.country.as_deref()) {
            (Some(id), Some(c)) => !id.eq_ignore_ascii_case(c),
            (Some(_), None) => true,
            // the layer's own table: countries and seats of government
            (None, _) => false,
        }
}

fn actor_span(doc: &Doc, a: &Arg) -> ActorSpan {
    let mut s = ActorSpan::from_span(doc.token_span(a.first, a.last), a.actor.clone());
    s.country = a.country.clone();
    s.sector = a.sector.clone();
    s
}

/// The time expression of the sentence closest to `pos` whose value is a date.
fn nearest_date(doc: &Doc, ctx: &Ctx, sent: Sentence, pos: usize) -> Option<String> {
    let lo = ctx.dates.partition_point(|&k| doc.times[k].start < sent.start);
    ctx.dates[lo..]
        .iter()
        .map(|&k| &doc.times[k])
        .take_while(|t| t.start < sent.end)
        .filter(|t| t.end <= sent.end)
        .min_by_key(|t| if t.start >= pos { t.start - pos } else { pos.saturating_sub(t.end) })
        .map(|t| t.value.clone())
}

/// The same event reported twice in one article (same type, participants
/// and date): keep the first report.
fn dedupe_document(doc: &Doc, ctx: &Ctx, cands: &[Cand], lex: &Lexicon) -> Vec<bool> {
    fn key(doc: &Doc, a: &Option<Arg>) -> String {
        match a {
            None => String::new(),
            Some(a) => match (&a.actor, &a.country) {
                (_, Some(c)) => c.clone(),
                (Some(id), None) => id.clone(),
                _ => (a.first..a.last).map(|k| strip_article(doc.tokens.norm(k))).collect::<Vec<_>>().join(" "),
            },
        }
    }
    // Reports of one event: same type and participants (non-state actors by
    // name, states by country), and dates that
    // agree (equal, one containing the other as "2023-10" holds
    // "2023-10-07", or one report without a date of its own).
    let mut seen: std::collections::HashMap<(String, String, String), Vec<Option<String>>> = Default::default();
    let dates: Vec<Option<String>> = cands
        .iter()
        .map(|c| {
            let t = doc.token_span(c.first, c.last);
            let sent = doc.sentences[c.sentence];
            marsad_times::date_for(doc, t.start, t.end).or_else(|| nearest_date(doc, ctx, sent, t.start))
        })
        .collect();
    let compatible = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => {
            let coarse = |x: &str| !(x.len() == 10 && x.as_bytes().get(4) == Some(&b'-') && x.as_bytes().get(7) == Some(&b'-'));
            a == b
                || a.starts_with(b.as_str())
                || b.starts_with(a.as_str())
                || ((coarse(a) || coarse(b)) && a.get(..4).is_some() && a.get(..4) == b.get(..4))
        }
        _ => true,
    };
    // dates said of the trigger itself ("استدعت سفيرها … في فيفري 2023"), not
    // borrowed from elsewhere in the sentence
    let own: Vec<bool> = cands
        .iter()
        .map(|c| {
            let t = doc.token_span(c.first, c.last);
            marsad_times::date_for(doc, t.start, t.end).is_some()
        })
        .collect();
    // dated in another year than the article: background, never the headline's news
    let old: Vec<bool> = dates
        .iter()
        .map(|d| d.as_ref().is_some_and(|d| d.get(..4).is_some() && d.get(..4) != doc.date.get(..4)))
        .collect();
    let mut keep = Vec::with_capacity(cands.len());
    for (((c, d), own), old) in cands.iter().zip(dates).zip(own).zip(old) {
        let etype = lex.triggers[c.trigger as usize].etype.to_string();
        let (mut s, mut t) = (key(doc, &c.source), key(doc, &c.target));
        // two actors of one country (the army and the RSF in Sudan) are told apart by name
        if !s.is_empty() && s == t {
            let id = |a: &Option<Arg>| match a {
                Some(a) => a.actor.clone().unwrap_or_else(|| {
                    (a.first..a.last).map(|k| strip_article(doc.tokens.norm(k))).collect::<Vec<_>>().join(" ")
                }),
                None => String::new(),
            };
            s = format!("{s}:{}", id(&c.source));
            t = format!("{t}:{}", id(&c.target));
        }
        if matches!(etype.as_str(), "CONSULT" | "AGREE" | "COOPERATE") && s > t {
            std::mem::swap(&mut s, &mut t);
        }
        let group = seen.entry((etype, s, t)).or_default();
        // A report without a date (a headline) stands for one dated report
        // only: "تسحب سفيرها" (today) and "استدعت سفيرها … في 2023" stay two.
        let dup = if group.len() >= 64 {
            true
        } else if old {
            group.iter().any(|g| g.is_some() && compatible(g, &d))
        } else if own && d.is_some() && !group.iter().any(|g| g.is_some() && compatible(g, &d)) {
            if let Some(slot) = group.iter_mut().find(|g| g.is_none()) {
                *slot = d.clone();
                true
            } else {
                false
            }
        } else {
            !group.is_empty() && group.iter().any(|g| compatible(g, &d))
        };
        if !dup {
            group.push(d);
        }
        keep.push(!dup);
    }
    // "وتاتي الغارات بعد …": a definite verbal noun without its author refers
    // to an event reported before, it is no new one.
    for k in 0..cands.len() {
        let c = &cands[k];
        let t = &lex.triggers[c.trigger as usize];
        if !keep[k] || c.source.is_some() || t.pos != Pos::Noun {
            continue;
        }
        let w = doc.tokens.norm(c.first);
        if !w.strip_prefix('و').unwrap_or(w).starts_with(ARTICLE) {
            continue;
        }
        if (0..k).any(|m| keep[m] && lex.triggers[cands[m].trigger as usize].etype == t.etype && cands[m].source.is_some()) {
            keep[k] = false;
        }
    }
    // A report without a target ("وواشنطن تفرض عقوبات جديده" in a headline) of
    // an event the article reports with the same author and a target.
    for k in 0..cands.len() {
        let c = &cands[k];
        if !keep[k] || c.target.is_some() || c.source.is_none() || c.source.as_ref().is_some_and(fragment) {
            continue;
        }
        let etype = lex.triggers[c.trigger as usize].etype;
        let sk = key(doc, &c.source);
        if cands.iter().enumerate().any(|(m, o)| {
            m != k
                && keep[m]
                && lex.triggers[o.trigger as usize].etype == etype
                && o.target.as_ref().is_some_and(|t| !fragment(t))
                && key(doc, &o.source) == sk
                && o.sentence.abs_diff(c.sentence) <= 6
        }) {
            keep[k] = false;
        }
    }
    // A bare mention ("اشتباكات في طرابلس" in a headline) of an event that the
    // article reports with its participants elsewhere.
    for k in 0..cands.len() {
        let c = &cands[k];
        if keep[k] && c.source.is_none() && c.target.is_none() {
            let etype = lex.triggers[c.trigger as usize].etype;
            if cands.iter().enumerate().any(|(m, o)| {
                m != k
                    && keep[m]
                    && lex.triggers[o.trigger as usize].etype == etype
                    && (o.source.is_some() || o.target.is_some())
                    && o.sentence.abs_diff(c.sentence) <= 3
            }) {
                keep[k] = false;
            }
        }
    }
    keep
}

/// Merge candidates of one sentence that describe the same event (same type,
/// triggers within four words): keep the one with more arguments.
fn dedupe(cands: &mut Vec<Cand>, from: usize, lex: &Lexicon) {
    /// Only candidates this close (in tokens) are compared, so a huge
    /// unpunctuated "sentence" stays linear.
    const WINDOW: usize = 80;
    let score = |c: &Cand| {
        c.source.is_some() as u8 * 2
            + c.target.is_some() as u8 * 2
            + (lex.triggers[c.trigger as usize].pos == Pos::Verb) as u8
    };
    let n = cands.len();
    let mut dropped = vec![false; n];
    for k in from..n {
        let lo = (from..k).rev().take_while(|&m| cands[k].first.abs_diff(cands[m].first) <= WINDOW).last().unwrap_or(k);
        let mut m = lo;
        while m < n && cands[m].first.abs_diff(cands[k].first) <= WINDOW || m < k {
            if m == k || dropped[m] {
                m += 1;
                continue;
            }
            let (a, b) = (&cands[k], &cands[m]);
            let (ta, tb) = (&lex.triggers[a.trigger as usize], &lex.triggers[b.trigger as usize]);
            let same = ta.etype == tb.etype;
            let inside = |x: &Option<Arg>| x.as_ref().is_some_and(|x| x.first <= a.first && a.first < x.last);
            // "شنت مسيرات … ضربات": a noun that is another event's participant is no event
            if ta.pos == Pos::Noun && tb.pos == Pos::Verb && !same && (inside(&b.source) || inside(&b.target)) {
                dropped[k] = true;
                break;
            }
            // a weak trigger ("احتجاجا", "المتظاهرين") yields to another event,
            // also when it is that event's argument ("دعا المحافظ المحتجين")
            if ta.weak && !tb.weak && (same || a.source.is_none() || inside(&b.target)) {
                dropped[k] = true;
                break;
            }
            // an event with no participants is the same as a fuller one of its sentence
            let bare = a.source.is_none() && a.target.is_none();
            if bare && same && (b.source.is_some() || b.target.is_some()) {
                dropped[k] = true;
                break;
            }
            let near = a.first.abs_diff(b.first) <= 6;
            if same && near && (score(b) > score(a) || (score(b) == score(a) && m < k)) {
                // keep what the dropped report knew
                let (src, tgt) = (cands[k].source.clone(), cands[k].target.clone());
                if cands[m].source.is_none() && src.as_ref().map(|x| x.first) != cands[m].target.as_ref().map(|x| x.first) {
                    cands[m].source = src;
                }
                if cands[m].target.is_none() && tgt.as_ref().map(|x| x.first) != cands[m].source.as_ref().map(|x| x.first) {
                    cands[m].target = tgt;
                }
                dropped[k] = true;
                break;
            }
            m += 1;
        }
    }
    let mut it = dropped.into_iter();
    cands.retain(|_| !it.next().unwrap_or(false));
}

#[cfg(test)]
mod tests;
