//! Loading the event layer's data files (triggers, cues, function words,
//! verb affixes, actors) into hash maps keyed by normalised word forms.
//! Arabic words live in the data files; code names them by list. Proclitic
//! letters (و ف ب ل ك and the article ال) appear in code only in the
//! prefix-stripping steps ([`strip_article`], [`variants`]), the article as
//! the text layer's `ARTICLE` constant.

pub use marsad_text::{ends_with_any, starts_with_any};
use marsad_text::clitic::ARTICLE;

const TRIGGERS: &str = include_str!("../../../data/events/triggers.tsv");
const CUES: &str = include_str!("../../../data/events/cues.tsv");
const COUNTRY_EXTRAS: &str = include_str!("../../../data/events/country_extras.tsv");
const GROUPS: &str = include_str!("../../../data/events/groups.tsv");
const VERB_AFFIXES: &str = include_str!("../../../data/events/verb_affixes.tsv");
const FUNCTION_WORDS: &str = include_str!("../../../data/events/function_words.tsv");

/// Closed-class words and affixes that rules in code name by role
/// (`function_words.tsv`, `list<TAB>word`, normalised). Lists whose order
/// matters (suffixes tried in turn) are vectors; word lists are sets.
#[derive(Default)]
pub struct FunctionWords {
    /// "من": a description followed by من and a named actor.
    pub preposition_from: marsad_text::WordSet,
    /// "في": a government head located in a named country.
    pub preposition_in: marsad_text::WordSet,
    /// "احد", "بين": before a weak event noun, a noun of people.
    pub partitive: marsad_text::WordSet,
    /// "حتي", "كي": the verb after them is a condition.
    pub purpose_conjunction: marsad_text::WordSet,
    /// Two-word purpose conjunctions ("قبل ان").
    pub purpose_pair: Vec<(String, String)>,
    /// Detached object pronouns ("اياهم").
    pub detached_object: marsad_text::WordSet,
    /// "قد".
    pub perfect_particle: marsad_text::WordSet,
    /// Forms of كان.
    pub past_copula: marsad_text::WordSet,
    /// Word beginnings where و is a root letter ("وزير").
    pub root_waw_start: Vec<String>,
    /// Word beginnings where ب is a root letter ("بين").
    pub root_ba_start: Vec<String>,
    /// Nisba adjective endings.
    pub nisba_suffix: Vec<String>,
    /// Possessive pronoun suffixes (plural / feminine possessor).
    pub possessive_suffix: Vec<String>,
    /// Possessive endings of a description head.
    pub head_possessive_suffix: Vec<String>,
    /// The singular masculine possessive pronoun.
    pub his_suffix: Vec<String>,
    /// Object pronoun suffixes, in the order they are tried.
    pub object_suffix: Vec<String>,
    /// Verb endings whose final alif drops before an object pronoun.
    pub alif_before_pronoun: Vec<String>,
    /// Present prefixes of a verb whose subject may stand before it.
    pub subject_verb_prefix: Vec<String>,
    /// Present-tense prefixes.
    pub present_prefix: Vec<String>,
    /// Present prefixes that also begin past stems.
    pub past_stem_initial: Vec<String>,
    /// Past feminine endings.
    pub past_feminine_suffix: Vec<String>,
    /// Endings of a nationality adjective stem ("" first).
    pub nationality_suffix: Vec<String>,
}

impl FunctionWords {
    fn load() -> Self {
        let mut w = FunctionWords::default();
        for (list, form, _) in marsad_text::tagged_rows(FUNCTION_WORDS) {
            let word = if form == "-" { String::new() } else { norm(form) };
            match list {
                "preposition_from" => drop(w.preposition_from.insert(word)),
                "preposition_in" => drop(w.preposition_in.insert(word)),
                "partitive" => drop(w.partitive.insert(word)),
                "purpose_conjunction" => drop(w.purpose_conjunction.insert(word)),
                "purpose_pair" => {
                    if let Some((a, b)) = word.split_once(' ') {
                        w.purpose_pair.push((a.to_string(), b.trim().to_string()));
                    }
                }
                "detached_object" => drop(w.detached_object.insert(word)),
                "perfect_particle" => drop(w.perfect_particle.insert(word)),
                "past_copula" => drop(w.past_copula.insert(word)),
                "root_waw_start" => w.root_waw_start.push(word),
                "root_ba_start" => w.root_ba_start.push(word),
                "nisba_suffix" => w.nisba_suffix.push(word),
                "possessive_suffix" => w.possessive_suffix.push(word),
                "head_possessive_suffix" => w.head_possessive_suffix.push(word),
                "his_suffix" => w.his_suffix.push(word),
                "object_suffix" => w.object_suffix.push(word),
                "alif_before_pronoun" => w.alif_before_pronoun.push(word),
                "subject_verb_prefix" => w.subject_verb_prefix.push(word),
                "present_prefix" => w.present_prefix.push(word),
                "past_stem_initial" => w.past_stem_initial.push(word),
                "past_feminine_suffix" => w.past_feminine_suffix.push(word),
                "nationality_suffix" => w.nationality_suffix.push(word),
                _ => {}
            }
        }
        w
    }
}

/// Conjugation affixes from `verb_affixes.tsv`: (affix, is an object pronoun).
#[derive(Default)]
struct Affixes {
    past_suffix: Vec<(String, bool)>,
    present_prefix: Vec<String>,
    present_suffix: Vec<(String, bool)>,
    future_prefix: Vec<String>,
    present_marker: String,
    short_stem_exception: Vec<String>,
}

impl Affixes {
    fn load() -> Self {
        let mut a = Affixes::default();
        for f in data_lines(VERB_AFFIXES) {
            if f.len() < 2 {
                continue;
            }
            let affix = if f[1] == "-" { String::new() } else { norm(f[1]) };
            let pronoun = f.get(2) == Some(&"1");
            match f[0] {
                "past_suffix" => a.past_suffix.push((affix, pronoun)),
                "present_prefix" => a.present_prefix.push(affix),
                "present_suffix" => a.present_suffix.push((affix, pronoun)),
                "future_prefix" => a.future_prefix.push(affix),
                "present_marker" => a.present_marker = affix,
                "short_stem_exception" => a.short_stem_exception.push(affix),
                _ => {}
            }
        }
        a
    }
}

/// The 16 PLOVER event types.
pub const PLOVER_TYPES: [&str; 16] = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    Verb,
    Noun,
    Cue,
    /// An active participle in a circumstantial clause ("متهما", "داعيا"):
    /// its subject is the subject of the clause it hangs on.
    Participle,
}

/// One trigger entry of `triggers.tsv`.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub etype: &'static str,
    pub mode: Option<String>,
    pub pos: Pos,
    pub companions: Vec<String>,
    pub obj: bool,
    pub genobj: bool,
    pub need_target: bool,
    pub need_source: bool,
    pub need_both: bool,
    pub bare: bool,
    pub patient: bool,
    pub named: bool,
    pub weak: bool,
}

/// A surface form pointing at a trigger entry.
#[derive(Debug, Clone)]
pub struct FormHit {
    pub trigger: u32,
    /// Further words that must follow (multi-word nouns and cues), bare forms.
    pub rest: Vec<String>,
    /// A future form (س + present).
    pub future: bool,
}

/// The trigger entries of one key: as a verb surface form (full, after و/ف)
/// and as a bare noun form (no article). One table for both, because most
/// words are looked up both ways under the same key: one look-up instead of two.
#[derive(Debug, Clone, Default)]
pub struct TriggerForms {
    pub verb: Vec<FormHit>,
    pub noun: Vec<FormHit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    /// A named actor: country, capital, organisation, armed group.
    Name,
    /// A description head ("القوات"): sector only.
    Head,
    /// A nationality adjective ("الاميركيه").
    Nationality,
    /// A place head ("مدينه"): only for event locations.
    Place,
}

#[derive(Debug, Clone)]
pub struct ActorForm {
    pub rest: Vec<String>,
    pub kind: ActorKind,
    pub country: Option<String>,
    pub sector: Option<String>,
    /// A country or capital (usable as a place).
    pub place: bool,
    /// The knowledge-base actor the form names, when it is not a country
    /// itself (a seat of government, a region: "usa-gov", "gaza").
    pub actor: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    Target,
    Partner,
    Between,
    Agent,
    Relative,
    Negation,
    Denial,
    Future,
    Conditional,
    Modal,
    Report,
    Complementizer,
    Affiliation,
    Place,
    Killed,
    Injured,
    Arrested,
    Displaced,
    Quant,
    Recipient,
    ProtestTarget,
    Prep,
    CompPronoun,
    TargetPronoun,
    AgentHand,
    AgentFrom,
    PostNegation,
    /// "باسم": a spokesperson's title continues with the organisation.
    OnBehalf,
    /// Conjunctions and adverbs that open a clause (حين، بينما، عندما).
    ClauseLink,
    /// Places of an actor (مواقع، مقر، معاقل): the actor after them is the target.
    Facility,
    /// Aspectual verbs (واصل، يواصل، صعد): the verbal noun after them takes their subject.
    Aspect,
    /// "الاخير": the person named last.
    Latter,
    /// "الجانبان", "الطرفان": the two parties named before.
    Dual,
    /// A word next to a trigger that makes it no event: an adverb before it
    /// ("بشكل قاطع") or a compound after it ("طرد مركزي").
    NotEventBefore,
    NotEventAfter,
    /// Nouns for a statement or proposal (تصريحات، دعوه، المقترح): rejecting or
    /// condemning it targets its author.
    Statement,
}

impl Cue {
    /// The class as one bit of a word's class mask (see [`Lexicon::cue_mask`]).
    pub fn bit(self) -> u64 {
        1u64 << (self as u32)
    }
}

// every class has its own bit, and the all-ones mask is never a real one
const _: () = assert!((Cue::Statement as u32) < 63);

fn cue_class(s: &str) -> Option<Cue> {
    Some(match s {
        "target" => Cue::Target,
        "on_behalf" => Cue::OnBehalf,
        "clause_link" => Cue::ClauseLink,
        "facility" => Cue::Facility,
        "aspect" => Cue::Aspect,
        "latter" => Cue::Latter,
        "dual" => Cue::Dual,
        "not_event_before" => Cue::NotEventBefore,
        "not_event_after" => Cue::NotEventAfter,
        "statement" => Cue::Statement,
        "partner" => Cue::Partner,
        "between" => Cue::Between,
        "agent" => Cue::Agent,
        "relative" => Cue::Relative,
        "negation" => Cue::Negation,
        "denial" => Cue::Denial,
        "future" => Cue::Future,
        "conditional" => Cue::Conditional,
        "modal" => Cue::Modal,
        "report" => Cue::Report,
        "complementizer" => Cue::Complementizer,
        "affil" => Cue::Affiliation,
        "place" => Cue::Place,
        "killed" => Cue::Killed,
        "injured" => Cue::Injured,
        "arrested" => Cue::Arrested,
        "displaced" => Cue::Displaced,
        "quant" => Cue::Quant,
        "recipient" => Cue::Recipient,
        "protest_target" => Cue::ProtestTarget,
        "prep" => Cue::Prep,
        "comp_pronoun" => Cue::CompPronoun,
        "target_pronoun" => Cue::TargetPronoun,
        "agent_hand" => Cue::AgentHand,
        "agent_from" => Cue::AgentFrom,
        "post_negation" => Cue::PostNegation,
        _ => return None,
    })
}

pub struct Lexicon {
    pub triggers: Vec<Trigger>,
    /// Verb surface forms (full, after و/ف) and noun forms (bare: no article).
    pub forms: marsad_text::WordTable<TriggerForms>,
    pub cues: marsad_text::WordTable<Vec<Cue>>,
    pub actors: marsad_text::WordTable<Vec<ActorForm>>,
    /// Closed-class words and affixes used by the rules.
    pub words: FunctionWords,
    /// Endings of every key of `forms`.
    pub trigger_endings: marsad_text::EndingFilter,
    /// Endings of every key of `actors`: most words name no actor, and every
    /// clitic reading looked up is a suffix of the word, so one bit test
    /// rejects them before the readings are looked up.
    pub actor_endings: marsad_text::EndingFilter,
    /// Endings of the knowledge base's demonym forms, the gate of
    /// [`Lexicon::nationality`].
    pub demonym_endings: marsad_text::EndingFilter,
}


fn data_lines(s: &str) -> impl Iterator<Item = Vec<&str>> {
    s.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').map(str::trim).collect())
}

fn norm(s: &str) -> String {
    marsad_text::normalize_str(s)
}

/// The article-less form of a normalised word ("الحشد" → "حشد").
pub fn strip_article(w: &str) -> &str {
    match w.strip_prefix(ARTICLE) {
        // two letters at least are left (without counting them all)
        Some(r) if r.chars().nth(1).is_some() => r,
        _ => w,
    }
}

impl Lexicon {
    /// Whether `w` is a conjugated form of a trigger verb.
    #[inline]
    pub fn is_verb_form(&self, w: &str) -> bool {
        self.forms.get(w).is_some_and(|f| !f.verb.is_empty())
    }

    pub fn load() -> Self {
        let mut lex = Lexicon {
            triggers: Vec::new(),
            forms: Default::default(),
            cues: Default::default(),
            actors: Default::default(),
            words: FunctionWords::load(),
            trigger_endings: marsad_text::EndingFilter::default(),
            actor_endings: marsad_text::EndingFilter::default(),
            demonym_endings: marsad_text::EndingFilter::default(),
        };
        let affixes = Affixes::load();
        lex.load_triggers(&affixes);
        for f in data_lines(CUES) {
            if f.len() < 2 {
                continue;
            }
            if let Some(c) = cue_class(f[0]) {
                let e = lex.cues.entry(norm(f[1])).or_default();
                if !e.contains(&c) {
                    e.push(c);
                }
            }
        }
        lex.load_actors();
        let mut endings = marsad_text::EndingFilter::default();
        for k in lex.forms.keys() {
            endings.insert(k);
        }
        lex.trigger_endings = endings;
        let mut endings = marsad_text::EndingFilter::default();
        for k in lex.actors.keys() {
            endings.insert(k);
        }
        lex.actor_endings = endings;
        let mut endings = marsad_text::EndingFilter::default();
        for k in marsad_entities::kb::kb().demonyms.keys() {
            endings.insert(k);
        }
        lex.demonym_endings = endings;
        lex
    }

    /// The knowledge base's nationality adjective `w` (a normalised word,
    /// with or without clitics), as `marsad_entities::nationality`. Its
    /// readings are suffixes of the word (ل + ال keeps the word's last
    /// letters), so a word whose ending no demonym has is none, and most
    /// words are rejected without the look-up.
    pub fn nationality(&self, w: &str) -> Option<marsad_entities::ActorInfo> {
        if !self.demonym_endings.may_have_suffix_key(w) {
            return None;
        }
        marsad_entities::nationality(w)
    }

    /// The cue classes of word `w` as a bit mask (0: no cue word).
    pub fn cue_mask(&self, w: &str) -> u64 {
        self.cues.get(w).map_or(0, |v| v.iter().fold(0, |m, c| m | c.bit()))
    }

    fn load_triggers(&mut self, affixes: &Affixes) {
        for f in data_lines(TRIGGERS) {
            if f.len() < 4 {
                continue;
            }
            let Some(etype) = PLOVER_TYPES.iter().copied().find(|t| *t == f[0]) else { continue };
            let pos = match f[2] {
                "v" => Pos::Verb,
                "n" => Pos::Noun,
                "c" => Pos::Cue,
                "p" => Pos::Participle,
                _ => continue,
            };
            let companions: Vec<String> = match f.get(4) {
                Some(c) if !c.is_empty() && *c != "-" => {
                    c.split(',').map(|w| strip_article(&norm(w)).to_string()).filter(|w| !w.is_empty()).collect()
                }
                _ => Vec::new(),
            };
            let flags = f.get(5).copied().unwrap_or("");
            let has = |x: &str| flags.split(',').any(|g| g.trim() == x);
            let id = self.triggers.len() as u32;
            self.triggers.push(Trigger {
                etype,
                mode: (f[1] != "-" && !f[1].is_empty()).then(|| f[1].to_string()),
                pos,
                companions,
                obj: has("obj"),
                genobj: has("genobj"),
                need_target: has("tgt"),
                need_source: has("src"),
                need_both: has("both"),
                bare: has("bare"),
                patient: has("patient"),
                named: has("named"),
                weak: has("weak"),
            });
            match pos {
                Pos::Verb => {
                    let t = &self.triggers[id as usize];
                    let pronouns = t.obj || !t.companions.is_empty();
                    self.add_verb(id, f[3], pronouns, affixes)
                }
                Pos::Noun | Pos::Cue | Pos::Participle => {
                    let forms: Vec<&str> = if pos == Pos::Cue { vec![f[3]] } else { f[3].split('|').collect() };
                    for form in forms {
                        let words: Vec<String> =
                            norm(form).split_whitespace().map(|w| strip_article(w).to_string()).collect();
                        if let Some((first, rest)) = words.split_first() {
                            self.forms.entry(first.clone()).or_default().noun.push(FormHit {
                                trigger: id,
                                rest: rest.to_vec(),
                                future: false,
                            });
                        }
                    }
                }
            }
        }
    }

    /// Conjugations of a verb; object pronouns only for verbs that take an
    /// object (`pronouns`), and never a bare "ه" on a three-letter past stem,
    /// which would read as a feminine noun (رحله، طرده، نشره).
    fn add_verb(&mut self, id: u32, spec: &str, pronouns: bool, ax: &Affixes) {
        let parts: Vec<String> = spec.split('|').map(norm).collect();
        let mut forms: Vec<(String, bool)> = Vec::new();
        if let Some(past) = parts.first().filter(|p| !p.is_empty()) {
            let short = past.chars().count() <= 3;
            for (suf, pronoun) in &ax.past_suffix {
                if (*pronoun && !pronouns) || (short && ax.short_stem_exception.contains(suf)) {
                    continue;
                }
                forms.push((format!("{past}{suf}"), false));
            }
        }
        if let Some(present) = parts.get(1) {
            let stem = if ax.present_marker.is_empty() { None } else { present.strip_prefix(ax.present_marker.as_str()) };
            if let Some(stem) = stem.filter(|s| !s.is_empty()) {
                for pre in &ax.present_prefix {
                    for (suf, pronoun) in &ax.present_suffix {
                        if *pronoun && !pronouns {
                            continue;
                        }
                        let f = format!("{pre}{stem}{suf}");
                        for fut in &ax.future_prefix {
                            forms.push((format!("{fut}{f}"), true));
                        }
                        forms.push((f, false));
                    }
                }
            }
        }
        if let Some(extra) = parts.get(2) {
            for x in extra.split(',').map(str::trim).filter(|x| !x.is_empty()) {
                forms.push((x.to_string(), false));
            }
        }
        for (f, future) in forms {
            let v = &mut self.forms.entry(f).or_default().verb;
            if !v.iter().any(|h| h.trigger == id) {
                v.push(FormHit { trigger: id, rest: Vec::new(), future });
            }
        }
    }

    fn add_actor(&mut self, form: &str, a: ActorForm) {
        let words: Vec<String> = norm(form).split_whitespace().map(|w| strip_article(w).to_string()).collect();
        if let Some((first, rest)) = words.split_first() {
            self.actors.entry(first.clone()).or_default().push(ActorForm { rest: rest.to_vec(), ..a });
        }
    }

    /// A nationality-adjective stem with its endings (`nationality_suffix`).
    fn add_nationality(&mut self, stem: &str, country: &str) {
        if stem.is_empty() || stem.contains(' ') {
            return;
        }
        let base = norm(stem);
        for suf in self.words.nationality_suffix.clone() {
            self.add_actor(
                &format!("{base}{suf}"),
                ActorForm {
                    rest: vec![],
                    kind: ActorKind::Nationality,
                    country: Some(country.to_string()),
                    sector: None,
                    place: false,
                    actor: None,
                },
            );
        }
    }

    /// A named actor that is also a place (country, capital, region, seat).
    fn add_place_name(&mut self, form: &str, country: &str, sector: Option<String>, actor: Option<&str>) {
        let a = ActorForm {
            rest: vec![],
            kind: ActorKind::Name,
            country: Some(country.to_string()),
            sector,
            place: true,
            actor: actor.map(str::to_string),
        };
        self.add_actor(form, a);
    }

    /// Countries from the entity knowledge base (one country table for the
    /// project): names are places, capitals not also a name stand for the
    /// government (GOV), demonym stems give the nationality adjectives.
    fn load_countries(&mut self) {
        for c in marsad_entities::countries() {
            for name in &c.names {
                self.add_place_name(name, &c.iso3, None, None);
            }
            for stem in &c.demonym_stems {
                self.add_nationality(stem, &c.iso3);
            }
            for cap in c.capitals.iter().filter(|x| !c.names.contains(x)) {
                self.add_place_name(cap, &c.iso3, Some("GOV".into()), None);
            }
        }
        // event-only additions: other knowledge-base actors that stand for a country
        for f in data_lines(COUNTRY_EXTRAS) {
            if f.len() < 2 {
                continue;
            }
            match f[0] {
                "seat" | "region" => {
                    let Some(info) = marsad_entities::actor(f[1]) else { continue };
                    let Some(country) = info.country else { continue };
                    let sector = if f[0] == "seat" { info.sector } else { None };
                    for name in marsad_entities::actor_names(f[1]) {
                        self.add_place_name(&name, &country, sector.clone(), Some(f[1]));
                    }
                }
                "bloc" if f.len() >= 3 => {
                    let code = f[1];
                    for name in marsad_entities::actor_names(f[2]) {
                        self.add_place_name(&name, code, None, None);
                    }
                    for stem in f.get(3).unwrap_or(&"").split('|') {
                        self.add_nationality(stem, code);
                    }
                }
                _ => {}
            }
        }
    }

    fn load_actors(&mut self) {
        let opt = |s: &str| (!s.is_empty() && s != "-").then(|| s.to_string());
        self.load_countries();
        for f in data_lines(GROUPS) {
            if f.len() < 4 {
                continue;
            }
            let kind = match f[0] {
                "name" => ActorKind::Name,
                "head" => ActorKind::Head,
                "place" => ActorKind::Place,
                _ => continue,
            };
            for form in f[1].split('|').filter(|s| !s.is_empty()) {
                let place = kind == ActorKind::Place;
                self.add_actor(form, ActorForm { rest: vec![], kind, country: opt(f[2]), sector: opt(f[3]), place, actor: None });
            }
        }
        // Longest forms first, so that the first complete match is the longest.
        for v in self.actors.values_mut() {
            v.sort_by_key(|f| std::cmp::Reverse(f.rest.len()));
        }
        for v in self.forms.values_mut() {
            v.noun.sort_by_key(|f| std::cmp::Reverse(f.rest.len()));
        }
    }
}

/// Candidate keys of a normalised word with its proclitics removed, most
/// literal first: (byte offset of the key in the word, whether a
/// preposition/article clitic was stripped (و/ف aside)).
///
/// All candidates are suffixes of the word, so they are stored as offsets;
/// there are at most eight (the word and its readings after و/ف, each with
/// the article or one of ب/ل/ك, ب/ل/ك + article, or لل), so they live in a
/// fixed array: the per-token look-ups allocate nothing.
#[derive(Clone, Copy)]
pub struct Variants {
    items: [(usize, bool); 8],
    len: usize,
}

impl std::ops::Deref for Variants {
    type Target = [(usize, bool)];
    fn deref(&self) -> &[(usize, bool)] {
        &self.items[..self.len]
    }
}

/// See [`Variants`].
#[inline]
pub fn variants(w: &str) -> Variants {
    let mut out = Variants { items: [(0, false); 8], len: 0 };
    // Offsets only grow within a reading and the readings after و/ف exist
    // only for words that start with them (then nothing else is stripped at
    // offset 0), so no offset comes twice.
    let mut push = |off: usize, clitic: bool| {
        if w.len() - off >= 4 && out.len < out.items.len() {
            out.items[out.len] = (off, clitic);
            out.len += 1;
        }
    };
    // without a conjunction, then after و or ف (both two bytes)
    let conj = w.starts_with('و') || w.starts_with('ف');
    for o1 in if conj { &[0, 2][..] } else { &[0][..] } {
        let o1 = *o1;
        let w1 = &w[o1..];
        push(o1, false);
        if w1.starts_with(ARTICLE) {
            push(o1 + 4, true);
            continue;
        }
        // a preposition (two bytes), then the article or (ل + ل) the article without its alif
        let Some(p @ ('ب' | 'ل' | 'ك')) = w1.chars().next() else { continue };
        let o2 = o1 + 2;
        push(o2, true);
        let w2 = &w[o2..];
        if w2.starts_with(ARTICLE) {
            push(o2 + 4, true);
        } else if p == 'ل' && w2.starts_with('ل') {
            push(o2 + 2, true);
        }
    }
    out
}
