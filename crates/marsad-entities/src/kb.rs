//! The actor knowledge base and the word lists of the entity layer, loaded
//! once from the embedded data files (data/actors, data/ner).

use marsad_doc::EntityType;
use marsad_text::normalize_str;
use std::borrow::Cow;
use std::sync::OnceLock;

/// The look-up tables use the pipeline's one fast hasher.
pub use marsad_text::{FastMap as HashMap, WordSet};

const COUNTRIES: &str = include_str!("../../../data/actors/countries.tsv");
const CITIES: &str = include_str!("../../../data/actors/cities.tsv");
const ENTITIES: &str = include_str!("../../../data/actors/entities_extra.tsv");
const PEOPLE: &str = include_str!("../../../data/actors/people.tsv");
const INSTITUTIONS: &str = include_str!("../../../data/actors/institutions.tsv");
const SECTOR_WORDS: &str = include_str!("../../../data/actors/sector_words.tsv");
const FIRST_NAMES: &str = include_str!("../../../data/ner/first_names.txt");
const STOPWORDS: &str = include_str!("../../../data/ner/stopwords.txt");
const COMMON: &str = include_str!("../../../data/ner/common_words.txt");
const COMPOUND_NAME_HEADS: &str = include_str!("../../../data/ner/compound_name_heads.txt");
const SETTLEMENT_HEADS: &str = include_str!("../../../data/ner/settlement_heads.tsv");
const PLACE_HEADS: &str = include_str!("../../../data/ner/place_heads.tsv");
const TITLES: &str = include_str!("../../../data/ner/titles.txt");
const ORG_HEADS_DEFINITE: &str = include_str!("../../../data/ner/org_heads_definite.txt");
const ORG_HEADS: &str = include_str!("../../../data/ner/org_heads.txt");
const AMBIGUOUS_PLACES: &str = include_str!("../../../data/ner/ambiguous_places.tsv");
const NUMBERED_UNIT_HEADS: &str = include_str!("../../../data/ner/numbered_unit_heads.txt");
const NAME_INTRODUCERS: &str = include_str!("../../../data/ner/name_introducers.txt");
const FUNCTION_WORDS: &str = include_str!("../../../data/ner/function_words.tsv");

/// One canonical actor.
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub name_en: String,
    pub etype: EntityType,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub wikidata: Option<String>,
    pub cameo: Option<String>,
    pub valid: Option<String>,
}

/// An institution template (وزارة الدفاع + demonym → <country>-mod).
#[derive(Debug, Clone)]
pub struct Institution {
    pub suffix: String,
    pub etype: EntityType,
    pub sector: String,
    pub name_en: String,
    pub bare: bool,
}

#[derive(Debug, Default)]
pub struct Kb {
    pub actors: Vec<Actor>,
    pub by_id: HashMap<String, usize>,
    /// Normalised name (tokens joined by one space) → actor.
    pub names: HashMap<String, usize>,
    /// First tokens of all names, for a quick rejection.
    pub first_tokens: WordSet,
    pub max_name_tokens: usize,
    /// Multi-word names with one token wildcarded ("* المتحدة" → [(الولايات, actor)]).
    pub fuzzy: HashMap<String, Vec<(String, usize)>>,
    /// `fuzzy` keyed by word ids (`Lex::word`) instead of strings, for keys
    /// of up to [`FUZZY_MAX_TOKENS`] words: the one-edit matcher looks names
    /// up at many positions, and an array of ids is built and hashed much
    /// faster than a joined string.
    pub fuzzy_ids: HashMap<FuzzyKey, Vec<FuzzyWord>>,
    /// Demonym form (normalised, with and without ال) → country actor.
    pub demonyms: HashMap<String, usize>,
    /// Country code (USA) → country actor.
    pub country_actor: HashMap<String, usize>,
    pub institutions: Vec<Institution>,
    /// Normalised institution head → institution.
    pub inst_heads: HashMap<String, usize>,
    pub inst_first: WordSet,
    pub sector_words: HashMap<String, String>,
    pub first_names: WordSet,
    pub stopwords: WordSet,
    pub titles: WordSet,
    /// Place names that are also ordinary words (مالي): form → (actor, context words before it).
    pub ambiguous_places: HashMap<String, (usize, WordSet)>,
    /// Heads of military units named by a number (اللواء 444).
    pub numbered_unit_heads: WordSet,
    /// Words after which a person's name follows (يدعى، اسمه).
    pub name_introducers: WordSet,
    pub org_heads: WordSet,
    /// Organisation heads with the article (الاتحاد، الرابطة، المجلس…).
    pub org_heads_definite: WordSet,
    /// Frequent words that are (almost) never part of a name (from the NER corpora).
    pub common: WordSet,
    /// Heads of place names (جبل، مطار…) and the type they give.
    pub place_heads: HashMap<String, EntityType>,
    /// Every token of every name → bit mask of entity types (1 PER, 2 ORG, 4 place, 8 MISC).
    pub token_types: HashMap<String, u8>,
    /// Tokens of multi-word names (gate for the fuzzy matcher).
    pub name_tokens: WordSet,
    /// Frequent news words (data/text/word_freq.tsv, normalised) that start
    /// with a proclitic letter: stripping one off them needs the clitic
    /// segmenter's agreement (كبيرا is not ك + بيرا).
    pub frequent_clitic_like: WordSet,
    /// News word frequencies (normalised form → count, data/text/word_freq.tsv).
    pub freq: HashMap<String, u32>,
    /// Settlement heads (بلدة، قرية، مدينة…) → whether the head names several places.
    pub settlement_heads: HashMap<String, bool>,
    /// First parts of compound first names X الدين (نور، صلاح…).
    pub compound_name_heads: WordSet,
    /// Closed-class words the rules test by name (data/ner/function_words.tsv).
    pub words: FunctionWords,
    /// Every single word of the tables above → what the tables say about it
    /// (one hash look-up answers all of them; see [`Lex`]).
    pub lex: marsad_text::WordTable<Lex>,
    /// The knowledge-base names as a trie over word ids (`Lex::word`):
    /// (node, word) → child node; node 0 is the root.
    pub trie: HashMap<(u32, u32), u32>,
    /// Actor named by the path to each trie node (u32::MAX: none).
    pub trie_actor: Vec<u32>,
}

/// Longest names (in words) the one-edit matcher looks up.
pub const FUZZY_MAX_TOKENS: usize = 5;
/// A key of [`Kb::fuzzy_ids`]: the word ids of a name, [`FUZZY_WILDCARD`]
/// at the misspelt word, [`FUZZY_NONE`] after the last word.
pub type FuzzyKey = [u32; FUZZY_MAX_TOKENS];
pub const FUZZY_WILDCARD: u32 = u32::MAX - 1;
pub const FUZZY_NONE: u32 = u32::MAX - 2;

/// The word of a name that a [`FuzzyKey`] leaves out, and the actor.
#[derive(Debug, Clone)]
pub struct FuzzyWord {
    pub word: String,
    /// Length of `word` in characters.
    pub chars: usize,
    pub actor: usize,
}

/// What the word tables know about one normalised word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lex {
    pub flags: u32,
    /// News frequency (0 when absent from data/text/word_freq.tsv; see `FREQ`).
    pub freq: u32,
    /// Country actor of a demonym (u32::MAX: none).
    pub demonym: u32,
    /// Word id in the name trie (u32::MAX: in no name).
    pub word: u32,
    /// Bit mask of `token_types` (see [`Kb::token_types`]).
    pub token_types: u8,
    /// Place head type (see [`Kb::place_heads`]).
    pub place_head: Option<EntityType>,
}

impl Default for Lex {
    fn default() -> Self {
        Lex { flags: 0, freq: 0, demonym: u32::MAX, word: u32::MAX, token_types: 0, place_head: None }
    }
}

/// Flags of [`Lex`].
pub mod lexf {
    pub const FIRST_TOKEN: u32 = 1;
    pub const STOPWORD: u32 = 1 << 1;
    pub const TITLE: u32 = 1 << 2;
    pub const FIRST_NAME: u32 = 1 << 3;
    pub const ORG_HEAD: u32 = 1 << 4;
    pub const ORG_HEAD_DEFINITE: u32 = 1 << 5;
    pub const COMMON: u32 = 1 << 6;
    pub const NAME_TOKEN: u32 = 1 << 7;
    pub const INST_FIRST: u32 = 1 << 8;
    pub const FREQUENT_CLITIC_LIKE: u32 = 1 << 9;
    pub const COMPOUND_NAME_HEAD: u32 = 1 << 10;
    pub const SETTLEMENT_HEAD: u32 = 1 << 11;
    pub const SETTLEMENT_MANY: u32 = 1 << 12;
    pub const SECTOR_WORD: u32 = 1 << 13;
    pub const DEMONYM: u32 = 1 << 14;
    pub const PLACE_HEAD: u32 = 1 << 15;
    pub const TOKEN_TYPES: u32 = 1 << 16;
    pub const FREQ: u32 = 1 << 17;
    pub const AMBIGUOUS_PLACE: u32 = 1 << 18;
    /// `Kb::words.directions`.
    pub const DIRECTION: u32 = 1 << 19;
    /// `Kb::words.servant_heads`.
    pub const SERVANT_HEAD: u32 = 1 << 20;
    /// `Kb::name_introducers`.
    pub const NAME_INTRODUCER: u32 = 1 << 21;
    /// `Kb::numbered_unit_heads`.
    pub const NUMBERED_UNIT_HEAD: u32 = 1 << 22;
    /// First word of a key of `Kb::fuzzy_ids`.
    pub const FUZZY_FIRST: u32 = 1 << 23;
    /// Second word of a key of `Kb::fuzzy_ids` that starts with the wildcard.
    pub const FUZZY_AFTER_WILDCARD: u32 = 1 << 24;
}

impl Lex {
    #[inline]
    pub fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
    /// Frequency when listed (`kb.freq.get(w)`).
    #[inline]
    pub fn freq_opt(&self) -> Option<u32> {
        self.has(lexf::FREQ).then_some(self.freq)
    }
    #[inline]
    pub fn demonym(&self) -> Option<usize> {
        (self.demonym != u32::MAX).then_some(self.demonym as usize)
    }
}

/// Words at least this frequent in the news lexicon are ordinary words
/// unless the segmenter splits a proclitic off.
pub const FREQUENT_WORD_MIN: u64 = 20;

/// Words at least this frequent in news are ordinary words when the tagger
/// alone proposes them as (the edge of) a name.
pub const ORDINARY_WORD_MIN: u32 = 300;

const WORD_FREQ: &str = include_str!("../../../data/text/word_freq.tsv");

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

impl Kb {
    /// A frequent news word that is not a known first name or name token.
    pub fn is_ordinary_word(&self, w: &str) -> bool {
        self.freq.get(w).map(|&c| c >= ORDINARY_WORD_MIN).unwrap_or(false)
            && !self.first_names.contains(w)
            && !self.token_types.contains_key(w)
    }
}

/// Normalise a multi-word name: tokens joined by single spaces.
pub fn norm_name(s: &str) -> String {
    let n = normalize_str(s);
    n.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn lines(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect::<Vec<_>>())
}

/// The closed-class word lists of data/ner/function_words.tsv, normalised.
#[derive(Debug, Default, Clone)]
pub struct FunctionWords {
    /// Words before a town name that make it a place (في، إلى، قرب…).
    pub place_prepositions: WordSet,
    /// Compass words (جنوب، شمال شرق…).
    pub directions: WordSet,
    /// Joiners of a name to a father's or family name (بن، بنت، آل).
    pub patronymic_joiners: WordSet,
    /// After these, any word is a family name (آل).
    pub family_joiners: WordSet,
    /// First words of two-word names (عبد، أبو، أبي).
    pub name_heads: WordSet,
    /// عبد: with the next word, one first name.
    pub servant_heads: WordSet,
    /// Heads of two-word name tails kept as short forms (عبد، أبو).
    pub short_form_heads: WordSet,
    /// Second parts of compound first names (الدين).
    pub compound_name_tails: WordSet,
    /// Future marker + present prefix (سي، ست، سن).
    pub future_prefixes: Vec<String>,
    /// Object pronoun endings (ها، هم).
    pub object_pronoun_endings: Vec<String>,
    /// Nisba adjective endings (يه، ي).
    pub adjective_endings: Vec<String>,
    /// Feminine nisba endings (يه، يا).
    pub feminine_adjective_endings: Vec<String>,
    /// Sound feminine plural ending (ات).
    pub plural_endings: Vec<String>,
}

impl FunctionWords {
    fn load(data: &str) -> Self {
        let mut fw = FunctionWords::default();
        for (list, word, _) in marsad_text::tagged_rows(data) {
            let affixes = match list {
                "future_prefix" => Some(&mut fw.future_prefixes),
                "object_pronoun_ending" => Some(&mut fw.object_pronoun_endings),
                "adjective_ending" => Some(&mut fw.adjective_endings),
                "feminine_adjective_ending" => Some(&mut fw.feminine_adjective_endings),
                "plural_ending" => Some(&mut fw.plural_endings),
                _ => None,
            };
            if let Some(v) = affixes {
                v.push(norm_name(word));
                continue;
            }
            let set = match list {
                "place_preposition" => &mut fw.place_prepositions,
                "direction" => &mut fw.directions,
                "patronymic_joiner" => &mut fw.patronymic_joiners,
                "family_joiner" => &mut fw.family_joiners,
                "name_head" => &mut fw.name_heads,
                "servant_head" => &mut fw.servant_heads,
                "short_form_head" => &mut fw.short_form_heads,
                "compound_name_tail" => &mut fw.compound_name_tails,
                _ => continue,
            };
            set.insert(norm_name(word));
        }
        fw
    }
    /// `w` starts with a future marker and a present prefix (سيعقد).
    pub fn has_future_prefix(&self, w: &str) -> bool {
        self.future_prefixes.iter().any(|p| w.starts_with(p.as_str()))
    }
    /// A patronymic joiner or a name head (the words that continue a person's name).
    pub fn is_name_joiner(&self, w: &str) -> bool {
        self.patronymic_joiners.contains(w) || self.name_heads.contains(w)
    }
}

fn word_set(data: &str) -> WordSet {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(norm_name)
        .collect()
}

/// Demonym forms of a masculine singular stem ending in ي (normalised).
pub fn demonym_forms(stem: &str) -> Vec<String> {
    let mut out = Vec::new();
    for suffix in ["", "ه", "ون", "ين", "ان", "تان", "ات", "ا"] {
        let f = format!("{stem}{suffix}");
        out.push(format!("ال{f}"));
        out.push(f);
    }
    out
}

impl Kb {
    fn add_actor(&mut self, a: Actor) -> usize {
        if let Some(&i) = self.by_id.get(&a.id) {
            return i;
        }
        let i = self.actors.len();
        self.by_id.insert(a.id.clone(), i);
        self.actors.push(a);
        i
    }

    fn add_name(&mut self, name: &str, actor: usize) {
        let key = norm_name(name);
        if key.is_empty() {
            return;
        }
        let toks: Vec<&str> = key.split(' ').collect();
        self.max_name_tokens = self.max_name_tokens.max(toks.len());
        self.first_tokens.insert(toks[0].to_string());
        let bit = match self.actors[actor].etype {
            EntityType::PER => 1,
            EntityType::ORG => 2,
            EntityType::GPE | EntityType::LOC | EntityType::FAC => 4,
            EntityType::MISC => 8,
        };
        for t in &toks {
            *self.token_types.entry(t.to_string()).or_insert(0) |= bit;
        }
        if toks.len() >= 2 {
            for t in &toks {
                self.name_tokens.insert(t.to_string());
            }
        }
        if toks.len() >= 2 && toks.iter().all(|t| t.chars().count() >= 3) {
            for k in 0..toks.len() {
                if toks[k].chars().count() < 4 {
                    continue;
                }
                let mut w: Vec<&str> = toks.clone();
                w[k] = "*";
                self.fuzzy.entry(w.join(" ")).or_default().push((toks[k].to_string(), actor));
            }
        }
        self.names.entry(key).or_insert(actor);
    }

    fn load_actor_rows(&mut self, data: &str) {
        for f in lines(data) {
            if f.len() < 9 {
                continue;
            }
            let Some(etype) = EntityType::parse(f[1].trim()) else { continue };
            let names: Vec<&str> = f[8].split('|').map(str::trim).filter(|s| !s.is_empty()).collect();
            // a country listed with no bare name (مالي is also "financial") keeps its capitals
            let caps_first = f.get(9).and_then(|c| c.split('|').map(str::trim).find(|s| !s.is_empty()));
            let Some(first) = names.first().copied().or(caps_first) else { continue };
            let a = Actor {
                id: f[0].trim().to_string(),
                name: first.to_string(),
                name_en: f[4].trim().to_string(),
                etype,
                country: opt(f[2]),
                sector: opt(f[3]),
                wikidata: opt(f[5]),
                cameo: opt(f[6]),
                valid: opt(f[7]),
            };
            let idx = self.add_actor(a);
            for n in &names {
                self.add_name(n, idx);
            }
            // countries.tsv: capitals and demonym stems.
            if let Some(caps) = f.get(9) {
                for c in caps.split('|').map(str::trim).filter(|s| !s.is_empty()) {
                    self.add_name(c, idx);
                }
            }
            if let Some(stems) = f.get(10) {
                for s in stems.split('|').map(str::trim).filter(|s| !s.is_empty()) {
                    for form in demonym_forms(&norm_name(s)) {
                        self.demonyms.entry(form).or_insert(idx);
                    }
                }
            }
            if f.get(9).is_some() {
                if let Some(c) = &self.actors[idx].country {
                    self.country_actor.insert(c.clone(), idx);
                }
            }
        }
    }

    fn build() -> Kb {
        let mut kb = Kb::default();
        for l in WORD_FREQ.lines().filter(|l| !l.starts_with('#')) {
            let mut it = l.split('\t');
            let (Some(w), Some(c)) = (it.next(), it.next()) else { continue };
            let Ok(c) = c.trim().parse::<u64>() else { continue };
            let n = normalize_str(w);
            if c >= FREQUENT_WORD_MIN && w.starts_with(['و', 'ف', 'ب', 'ل', 'ك']) {
                kb.frequent_clitic_like.insert(n.clone());
            }
            *kb.freq.entry(n).or_default() += c.min(u32::MAX as u64) as u32;
        }
        // Specific entities first so that their names win over generic ones.
        kb.load_actor_rows(PEOPLE);
        kb.load_actor_rows(ENTITIES);
        kb.load_actor_rows(COUNTRIES);
        kb.load_actor_rows(CITIES);
        for f in lines(INSTITUTIONS) {
            if f.len() < 6 {
                continue;
            }
            let Some(etype) = EntityType::parse(f[1].trim()) else { continue };
            let idx = kb.institutions.len();
            kb.institutions.push(Institution {
                suffix: f[0].trim().to_string(),
                etype,
                sector: f[2].trim().to_string(),
                name_en: f[3].trim().to_string(),
                bare: f[4].trim() == "yes",
            });
            for h in f[5].split('|').map(str::trim).filter(|s| !s.is_empty()) {
                let key = norm_name(h);
                if let Some(first) = key.split(' ').next() {
                    kb.inst_first.insert(first.to_string());
                }
                kb.inst_heads.insert(key, idx);
            }
        }
        for f in lines(SECTOR_WORDS) {
            if f.len() >= 2 {
                kb.sector_words.insert(norm_name(f[0]), f[1].trim().to_string());
            }
        }
        kb.first_names = word_set(FIRST_NAMES);
        kb.stopwords = word_set(STOPWORDS);
        kb.common = word_set(COMMON);
        for f in lines(PLACE_HEADS) {
            if let (Some(h), Some(t)) = (f.first(), f.get(1).and_then(|t| EntityType::parse(t.trim()))) {
                kb.place_heads.insert(norm_name(h), t);
            }
        }
        for f in lines(SETTLEMENT_HEADS) {
            if let (Some(h), Some(m)) = (f.first(), f.get(1)) {
                kb.settlement_heads.insert(norm_name(h), m.trim() == "many");
            }
        }
        kb.compound_name_heads = word_set(COMPOUND_NAME_HEADS);
        kb.words = FunctionWords::load(FUNCTION_WORDS);
        kb.titles = word_set(TITLES);
        kb.name_introducers = word_set(NAME_INTRODUCERS);
        kb.numbered_unit_heads = word_set(NUMBERED_UNIT_HEADS);
        for f in lines(AMBIGUOUS_PLACES) {
            if let (Some(w), Some(&a)) = (f.first(), f.get(1).and_then(|id| kb.by_id.get(id.trim()))) {
                let ctx = f.get(2).map(|c| c.split('|').map(norm_name).filter(|s| !s.is_empty()).collect()).unwrap_or_default();
                kb.ambiguous_places.insert(norm_name(w), (a, ctx));
            }
        }
        kb.org_heads = word_set(ORG_HEADS);
        kb.org_heads_definite = word_set(ORG_HEADS_DEFINITE);
        kb.build_lex();
        kb
    }

    fn build_lex(&mut self) {
        use lexf::*;
        let mut lex: marsad_text::WordTable<Lex> = marsad_text::WordTable::with_capacity(self.freq.len() + self.token_types.len());
        fn set<'a>(lex: &mut marsad_text::WordTable<Lex>, words: impl Iterator<Item = &'a str>, f: u32) {
            for w in words {
                lex.get_or_insert_with(w, Lex::default).flags |= f;
            }
        }
        set(&mut lex, self.first_tokens.iter(), FIRST_TOKEN);
        set(&mut lex, self.stopwords.iter(), STOPWORD);
        set(&mut lex, self.titles.iter(), TITLE);
        set(&mut lex, self.first_names.iter(), FIRST_NAME);
        set(&mut lex, self.org_heads.iter(), ORG_HEAD);
        set(&mut lex, self.org_heads_definite.iter(), ORG_HEAD_DEFINITE);
        set(&mut lex, self.common.iter(), COMMON);
        set(&mut lex, self.name_tokens.iter(), NAME_TOKEN);
        set(&mut lex, self.inst_first.iter(), INST_FIRST);
        set(&mut lex, self.frequent_clitic_like.iter(), FREQUENT_CLITIC_LIKE);
        set(&mut lex, self.compound_name_heads.iter(), COMPOUND_NAME_HEAD);
        set(&mut lex, self.sector_words.keys().map(String::as_str), SECTOR_WORD);
        set(&mut lex, self.words.directions.iter(), DIRECTION);
        set(&mut lex, self.words.servant_heads.iter(), SERVANT_HEAD);
        set(&mut lex, self.name_introducers.iter(), NAME_INTRODUCER);
        set(&mut lex, self.numbered_unit_heads.iter(), NUMBERED_UNIT_HEAD);
        for (w, &many) in &self.settlement_heads {
            lex.get_or_insert_with(w, Lex::default).flags |= SETTLEMENT_HEAD | if many { SETTLEMENT_MANY } else { 0 };
        }
        for (w, &a) in &self.demonyms {
            let l = lex.get_or_insert_with(w, Lex::default);
            l.flags |= DEMONYM;
            l.demonym = a as u32;
        }
        for (w, &t) in &self.place_heads {
            let l = lex.get_or_insert_with(w, Lex::default);
            l.flags |= PLACE_HEAD;
            l.place_head = Some(t);
        }
        for (w, &t) in &self.token_types {
            let l = lex.get_or_insert_with(w, Lex::default);
            l.flags |= TOKEN_TYPES;
            l.token_types = t;
        }
        for w in self.ambiguous_places.keys() {
            lex.get_or_insert_with(w, Lex::default).flags |= AMBIGUOUS_PLACE;
        }
        for (w, &c) in &self.freq {
            let l = lex.get_or_insert_with(w, Lex::default);
            l.flags |= FREQ;
            l.freq = c;
        }
        // the name trie: word ids for every token of every name
        let mut next_word = 0u32;
        let mut trie: HashMap<(u32, u32), u32> = HashMap::default();
        let mut trie_actor: Vec<u32> = vec![u32::MAX];
        for (key, &actor) in &self.names {
            let mut node = 0u32;
            for t in key.split(' ') {
                let l = lex.get_or_insert_with(t, Lex::default);
                if l.word == u32::MAX {
                    l.word = next_word;
                    next_word += 1;
                }
                let w = l.word;
                let n = trie_actor.len() as u32;
                node = *trie.entry((node, w)).or_insert_with(|| {
                    trie_actor.push(u32::MAX);
                    n
                });
            }
            trie_actor[node as usize] = actor as u32;
        }
        // the one-edit keys over word ids (every word of a name has one now)
        let mut fuzzy_ids: HashMap<FuzzyKey, Vec<FuzzyWord>> = HashMap::default();
        'keys: for (key, list) in &self.fuzzy {
            let mut ids = [FUZZY_NONE; FUZZY_MAX_TOKENS];
            for (j, t) in key.split(' ').enumerate() {
                if j >= FUZZY_MAX_TOKENS {
                    continue 'keys; // (longer names are never looked up)
                }
                ids[j] = if t == "*" {
                    FUZZY_WILDCARD
                } else {
                    match lex.get(t) {
                        Some(l) if l.word < FUZZY_NONE => l.word,
                        _ => continue 'keys,
                    }
                };
            }
            // (the pre-filter of the matcher: what the key starts with)
            let (first, flag) = if ids[0] == FUZZY_WILDCARD { (key.split(' ').nth(1), FUZZY_AFTER_WILDCARD) } else { (key.split(' ').next(), FUZZY_FIRST) };
            if let Some(w) = first {
                lex.get_or_insert_with(w, Lex::default).flags |= flag;
            }
            fuzzy_ids.insert(ids, list.iter().map(|(w, a)| FuzzyWord { word: w.clone(), chars: w.chars().count(), actor: *a }).collect());
        }
        self.fuzzy_ids = fuzzy_ids;
        self.lex = lex;
        self.trie = trie;
        self.trie_actor = trie_actor;
    }

    /// What the word tables know about a normalised word.
    #[inline]
    pub fn lex(&self, w: &str) -> Lex {
        self.lex.get(w).copied().unwrap_or_default()
    }

    /// Trie child of `node` by word id.
    #[inline]
    pub fn trie_next(&self, node: u32, word: u32) -> Option<u32> {
        if word == u32::MAX {
            return None;
        }
        self.trie.get(&(node, word)).copied()
    }

    /// The actor named exactly by a normalised name.
    pub fn lookup(&self, key: &str) -> Option<usize> {
        self.names.get(key).copied()
    }

    /// Country actor of a demonym form (normalised), proclitics allowed.
    pub fn demonym(&self, word: &str) -> Option<usize> {
        for (_, v) in proclitic_variants(word).iter() {
            if let Some(&i) = self.demonyms.get(v.as_ref() as &str) {
                return Some(i);
            }
        }
        None
    }
}

/// The knowledge base, built on first use and shared by all threads.
pub fn kb() -> &'static Kb {
    static KB: OnceLock<Kb> = OnceLock::new();
    KB.get_or_init(Kb::build)
}

/// Readings of a normalised word with its proclitics removed: (letters
/// removed from the front of the original word, remaining form). The word
/// itself comes first. و/ف then ب/ل/ك; ل before ال drops the alif (للعراق).
pub fn proclitic_variants(word: &str) -> Variants<'_> {
    let mut out = Variants { items: Default::default(), len: 0 };
    for_each_proclitic_variant(word, |skip, form| out.push(skip, form));
    out
}

/// The readings of [`proclitic_variants`], in the same order, handed to
/// `f` one by one (no array of readings is built: the entity layer calls
/// this for every token of every document). Only the first letter decides
/// which proclitics can be there, so most words cost one comparison.
#[inline]
pub fn for_each_proclitic_variant<'a>(word: &'a str, mut f: impl FnMut(usize, Cow<'a, str>)) {
    f(0, Cow::Borrowed(word));
    match word.chars().next() {
        // a conjunction, then perhaps a preposition
        Some(c @ ('و' | 'ف')) => {
            let rest = &word[c.len_utf8()..];
            if rest.len() >= 4 {
                f(1, Cow::Borrowed(rest));
            }
            preposition_variants(1, rest, &mut f);
        }
        _ => preposition_variants(0, word, &mut f),
    }
}

/// The readings of `w` (after `skip` letters) without a ب/ل/ك preposition;
/// ل before ال drops the alif (للعراق → العراق).
#[inline]
fn preposition_variants<'a>(skip: usize, w: &'a str, f: &mut impl FnMut(usize, Cow<'a, str>)) {
    let Some(p @ ('ب' | 'ل' | 'ك')) = w.chars().next() else { return };
    let r = &w[p.len_utf8()..];
    if r.len() >= 4 {
        f(skip + 1, Cow::Borrowed(r));
    }
    if p == 'ل' {
        if let Some(r2) = r.strip_prefix('ل') {
            if r2.len() >= 4 {
                f(skip + 1, Cow::Owned(format!("{}{r2}", marsad_text::clitic::ARTICLE)));
            }
        }
    }
}

/// Up to eight readings of a word, without heap allocation in the common case.
pub struct Variants<'a> {
    items: [(usize, Cow<'a, str>); 8],
    len: usize,
}

impl<'a> Variants<'a> {
    fn push(&mut self, skip: usize, v: Cow<'a, str>) {
        if self.len < self.items.len() {
            self.items[self.len] = (skip, v);
            self.len += 1;
        }
    }
    pub fn iter(&self) -> impl Iterator<Item = &(usize, Cow<'a, str>)> {
        self.items[..self.len].iter()
    }
    pub fn last(&self) -> Option<&(usize, Cow<'a, str>)> {
        self.items[..self.len].last()
    }
}

impl<'a> IntoIterator for Variants<'a> {
    type Item = (usize, Cow<'a, str>);
    type IntoIter = std::iter::Take<std::array::IntoIter<(usize, Cow<'a, str>), 8>>;
    fn into_iter(self) -> Self::IntoIter {
        let n = self.len;
        self.items.into_iter().take(n)
    }
}

/// One country of the knowledge base (`data/actors/countries.tsv`, generated
/// from `countries_extra.tsv` and the shared gazetteers), every form
/// normalised with [`norm_name`]. Other layers (events) build their country
/// tables from it, so that there is one country table in the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryForms {
    /// ISO 3166 alpha-3 code, upper case ("AFG").
    pub iso3: String,
    /// Knowledge-base actor id ("afg").
    pub id: String,
    /// Names of the country ("افغانستان").
    pub names: Vec<String>,
    /// Capitals and seats of government that stand for the government
    /// (metonymy: "كابل", "كابول"); a capital that is also a name of the
    /// country (الكويت) is listed in both.
    pub capitals: Vec<String>,
    /// Nationality-adjective stems, masculine singular without the article,
    /// ending in ي ("افغاني"); see [`demonym_forms`] for their inflections.
    pub demonym_stems: Vec<String>,
}

/// Every country of the knowledge base, in file order.
pub fn countries() -> impl Iterator<Item = CountryForms> {
    fn forms(col: Option<&&str>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for s in col.map(|c| c.split('|')).into_iter().flatten() {
            let n = norm_name(s);
            if !n.is_empty() && !out.contains(&n) {
                out.push(n);
            }
        }
        out
    }
    lines(COUNTRIES).filter(|f| f.len() >= 9 && f[1].trim() == "GPE").filter_map(|f| {
        let id = f[0].trim().to_string();
        let iso3 = opt(f[2]).unwrap_or_else(|| id.to_uppercase());
        if iso3.len() != 3 {
            return None;
        }
        Some(CountryForms { iso3, id, names: forms(f.get(8)), capitals: forms(f.get(9)), demonym_stems: forms(f.get(10)) })
    })
}

/// The normalised names of a knowledge-base actor ("usa-gov" → "البيت
/// الابيض", "الاداره الاميركيه", …), sorted; empty for an unknown id.
pub fn actor_names(id: &str) -> Vec<String> {
    let kb = kb();
    let Some(&i) = kb.by_id.get(id) else { return Vec::new() };
    let mut out: Vec<String> = kb.names.iter().filter(|(_, &a)| a == i).map(|(n, _)| n.clone()).collect();
    out.sort();
    out
}

#[cfg(test)]
mod country_api_tests {
    use super::*;

    fn country(iso3: &str) -> CountryForms {
        countries().find(|c| c.iso3 == iso3).expect(iso3)
    }

    #[test]
    fn both_spellings_of_kabul_are_capitals_of_afghanistan() {
        let afg = country("AFG");
        assert_eq!(afg.id, "afg");
        assert!(afg.names.contains(&normalize_str("أفغانستان")));
        for cap in ["كابول", "كابل"] {
            let hits: Vec<String> =
                countries().filter(|c| c.capitals.contains(&normalize_str(cap))).map(|c| c.iso3).collect();
            assert_eq!(hits, vec!["AFG".to_string()], "{cap}");
        }
    }

    #[test]
    fn demonym_stems_give_the_nationality_forms() {
        let afg = country("AFG");
        assert!(afg.demonym_stems.contains(&normalize_str("أفغاني")));
        let forms: Vec<String> = afg.demonym_stems.iter().flat_map(|s| demonym_forms(s)).collect();
        assert!(forms.contains(&normalize_str("الأفغانية")));
        assert!(forms.contains(&normalize_str("أفغانيين")));
        // the knowledge base reads the same forms back to the country
        let kb = kb();
        let i = kb.demonym(&normalize_str("الأفغانية")).expect("demonym");
        assert_eq!(kb.actors[i].country.as_deref(), Some("AFG"));
    }

    #[test]
    fn countries_are_normalised_and_unique() {
        let all: Vec<CountryForms> = countries().collect();
        assert!(all.len() > 200);
        let mut codes: Vec<&str> = all.iter().map(|c| c.iso3.as_str()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        for c in &all {
            assert!(c.iso3.len() == 3 && c.iso3.chars().all(|x| x.is_ascii_uppercase()), "{}", c.iso3);
            for f in c.names.iter().chain(&c.capitals).chain(&c.demonym_stems) {
                assert_eq!(&norm_name(f), f);
            }
        }
        // a capital that is also the country's name is listed in both
        let kwt = country("KWT");
        assert!(kwt.names.contains(&normalize_str("الكويت")) && kwt.capitals.contains(&normalize_str("الكويت")));
    }

    #[test]
    fn actor_names_of_a_seat_of_government() {
        let names = actor_names("usa-gov");
        assert!(names.contains(&normalize_str("البيت الأبيض")), "{names:?}");
        assert!(actor_names("no-such-actor").is_empty());
    }
}

#[cfg(test)]
mod prefilter_tests {
    //! The entity rules skip a token when its word-table flags say that no
    //! rule can start there: every flag must cover its whole word list, or
    //! a match would be lost.
    use super::*;

    #[test]
    fn every_word_of_the_flagged_lists_has_its_flag() {
        let kb = kb();
        let sets: [(&WordSet, u32); 12] = [
            (&kb.first_tokens, lexf::FIRST_TOKEN),
            (&kb.titles, lexf::TITLE),
            (&kb.first_names, lexf::FIRST_NAME),
            (&kb.org_heads, lexf::ORG_HEAD),
            (&kb.org_heads_definite, lexf::ORG_HEAD_DEFINITE),
            (&kb.inst_first, lexf::INST_FIRST),
            (&kb.compound_name_heads, lexf::COMPOUND_NAME_HEAD),
            (&kb.words.directions, lexf::DIRECTION),
            (&kb.words.servant_heads, lexf::SERVANT_HEAD),
            (&kb.name_introducers, lexf::NAME_INTRODUCER),
            (&kb.numbered_unit_heads, lexf::NUMBERED_UNIT_HEAD),
            (&kb.name_tokens, lexf::NAME_TOKEN),
        ];
        for (set, flag) in sets {
            assert!(set.iter().next().is_some(), "empty list for flag {flag:#x}");
            for w in set.iter() {
                assert!(kb.lex(w).has(flag), "{w} lacks flag {flag:#x}");
            }
        }
        for w in kb.settlement_heads.keys() {
            assert!(kb.lex(w).has(lexf::SETTLEMENT_HEAD), "{w}");
        }
        for (w, t) in &kb.place_heads {
            assert_eq!(kb.lex(w).place_head, Some(*t), "{w}");
            assert!(kb.lex(w).has(lexf::PLACE_HEAD), "{w}");
        }
        for (w, &a) in &kb.demonyms {
            assert_eq!(kb.lex(w).demonym(), Some(a), "{w}");
            assert!(kb.lex(w).has(lexf::DEMONYM), "{w}");
        }
        for w in kb.ambiguous_places.keys() {
            assert!(kb.lex(w).has(lexf::AMBIGUOUS_PLACE), "{w}");
        }
    }

    #[test]
    fn every_name_starts_at_a_first_token_of_the_trie() {
        let kb = kb();
        for (name, &actor) in &kb.names {
            let mut words = name.split(' ');
            let first = words.next().unwrap_or_default();
            let l = kb.lex(first);
            assert!(l.has(lexf::FIRST_TOKEN), "{name}");
            let mut node = kb.trie_next(0, l.word).expect(name);
            for w in words {
                node = kb.trie_next(node, kb.lex(w).word).expect(name);
            }
            assert_eq!(kb.trie_actor[node as usize] as usize, actor, "{name}");
        }
    }

    #[test]
    fn fuzzy_ids_mirror_the_fuzzy_keys() {
        let kb = kb();
        let mut checked = 0;
        for (key, list) in &kb.fuzzy {
            let words: Vec<&str> = key.split(' ').collect();
            if words.len() > FUZZY_MAX_TOKENS {
                continue;
            }
            let mut ids = [FUZZY_NONE; FUZZY_MAX_TOKENS];
            for (j, w) in words.iter().enumerate() {
                ids[j] = if *w == "*" { FUZZY_WILDCARD } else { kb.lex(w).word };
            }
            let got = kb.fuzzy_ids.get(&ids).expect(key);
            let want: Vec<(String, usize, usize)> = list.iter().map(|(w, a)| (w.clone(), w.chars().count(), *a)).collect();
            let have: Vec<(String, usize, usize)> = got.iter().map(|f| (f.word.clone(), f.chars, f.actor)).collect();
            assert_eq!(have, want, "{key}");
            // the matcher's pre-filter: what the key starts with is flagged
            if words[0] == "*" {
                assert!(kb.lex(words[1]).has(lexf::FUZZY_AFTER_WILDCARD), "{key}");
            } else {
                assert!(kb.lex(words[0]).has(lexf::FUZZY_FIRST), "{key}");
            }
            checked += 1;
        }
        assert!(checked > 100 && checked == kb.fuzzy_ids.len());
    }

    /// The readings as the earlier version computed them (all prefixes tried in turn).
    fn reference_variants(word: &str) -> Vec<(usize, String)> {
        let mut out = vec![(0, word.to_string())];
        let mut stage: Vec<(usize, &str)> = vec![(0, word)];
        if let Some(r) = word.strip_prefix('و').or_else(|| word.strip_prefix('ف')) {
            stage.push((1, r));
        }
        for (skip, w) in stage {
            if skip > 0 && w.len() >= 4 {
                out.push((skip, w.to_string()));
            }
            for p in ['ب', 'ل', 'ك'] {
                if let Some(r) = w.strip_prefix(p) {
                    if r.len() >= 4 {
                        out.push((skip + 1, r.to_string()));
                    }
                    if p == 'ل' {
                        if let Some(r2) = r.strip_prefix('ل') {
                            if r2.len() >= 4 {
                                out.push((skip + 1, format!("ال{r2}")));
                            }
                        }
                    }
                }
            }
        }
        out
    }

    #[test]
    fn proclitic_readings_match_the_reference() {
        let kb = kb();
        let mut words: Vec<String> = ["", "و", "ف", "ل", "لل", "ولل", "فلل", "وب", "وبك", "كل", "بل", "وللعراق", "فبالعراق", "للبنان", "a", "x"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        words.extend(kb.freq.keys().filter(|w| w.starts_with(['و', 'ف', 'ب', 'ل', 'ك'])).take(20_000).cloned());
        words.extend(kb.freq.keys().take(2_000).cloned());
        for w in &words {
            let mut got: Vec<(usize, String)> = Vec::new();
            for_each_proclitic_variant(w, |s, v| got.push((s, v.into_owned())));
            assert_eq!(got, reference_variants(w), "{w}");
            let listed: Vec<(usize, String)> = proclitic_variants(w).iter().map(|(s, v)| (*s, v.to_string())).collect();
            assert_eq!(listed, got, "{w}");
        }
    }
}
