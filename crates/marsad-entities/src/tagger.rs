//! A statistical named-entity tagger: an averaged perceptron over hashed
//! features with greedy left-to-right decoding (BIO tags, previous tags as
//! features). Trained by `examples/train_ner.rs` on ANERcorp (see
//! data/ner/PROVENANCE.md); the model is embedded (data/ner/model.bin).
//!
//! Why this model: it trains in seconds on one core, the model is a flat
//! table of small weights, and inference costs one hash look-up per feature
//! (about 20 per token), which keeps the layer within the throughput budget.

use crate::kb::{kb, lexf, Kb, Lex};
use marsad_doc::{Doc, EntityType};
use marsad_text::TokenKind;
use crate::kb::HashMap;
use std::sync::OnceLock;

/// Whether decoding skips the frequent non-name words of data/ner/common_words.txt
/// (on by default; the ANERcorp evaluation turns it off because that list is
/// derived from NewsFANE, which contains the ANERcorp test text).
pub static SKIP_COMMON: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

const MODEL: &[u8] = include_bytes!("../../../data/ner/model.bin");

/// Number of tags: O, then B and I for PER, ORG, LOC, MISC.
pub const NT: usize = 9;
pub const TYPES: [EntityType; 4] = [EntityType::PER, EntityType::ORG, EntityType::GPE, EntityType::MISC];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag(pub u8);

impl Tag {
    pub const O: Tag = Tag(0);
    pub fn begin(t: usize) -> Tag {
        Tag(1 + 2 * t as u8)
    }
    pub fn inside(t: usize) -> Tag {
        Tag(2 + 2 * t as u8)
    }
    /// Type index (0..4) of a B or I tag.
    pub fn type_index(self) -> Option<usize> {
        (self.0 > 0).then(|| ((self.0 - 1) / 2) as usize)
    }
    pub fn is_begin(self) -> bool {
        self.0 > 0 && (self.0 - 1).is_multiple_of(2)
    }
    pub fn begin_type(self) -> Option<EntityType> {
        // an I tag with no B before it also starts a mention
        self.type_index().map(|t| TYPES[t])
    }
    pub fn inside_of(self, t: EntityType) -> bool {
        !self.is_begin() && self.type_index().map(|x| TYPES[x] == t).unwrap_or(false)
    }
    /// Parse ANERcorp-style labels (B-PERS, I-LOC, O…).
    pub fn parse(s: &str) -> Tag {
        let (bi, ty) = match s.split_once('-') {
            Some(x) => x,
            None => return Tag::O,
        };
        let t = match ty {
            "PERS" | "PER" => 0,
            "ORG" => 1,
            "LOC" | "GPE" => 2,
            "MISC" | "MIS" => 3,
            _ => return Tag::O,
        };
        if bi == "B" {
            Tag::begin(t)
        } else {
            Tag::inside(t)
        }
    }
}

/// The weights: feature hash → one weight per tag.
#[derive(Debug, Default, Clone)]
pub struct Model {
    pub weights: HashMap<u64, [f32; NT]>,
}

impl Model {
    /// Decode the binary model: u32 count, then (u64 hash, NT × f32) records, little endian.
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        if b.len() < 4 {
            return None;
        }
        let n = u32::from_le_bytes(b[0..4].try_into().ok()?) as usize;
        let rec = 8 + 2 * NT;
        if b.len() < 8 + n * rec {
            return None;
        }
        let scale = f32::from_le_bytes(b[4..8].try_into().ok()?);
        let mut weights = HashMap::with_capacity_and_hasher(n, Default::default());
        let mut p = 8;
        for _ in 0..n {
            let h = u64::from_le_bytes(b[p..p + 8].try_into().ok()?);
            let mut w = [0f32; NT];
            for (k, x) in w.iter_mut().enumerate() {
                let q = i16::from_le_bytes(b[p + 8 + 2 * k..p + 10 + 2 * k].try_into().ok()?);
                *x = q as f32 * scale;
            }
            weights.insert(h, w);
            p += rec;
        }
        (n > 0).then_some(Model { weights })
    }

    /// Encode, keeping features whose largest weight is at least `min_abs`.
    pub fn to_bytes(&self, min_abs: f32) -> Vec<u8> {
        let kept: Vec<(&u64, &[f32; NT])> =
            self.weights.iter().filter(|(_, w)| w.iter().any(|x| x.abs() >= min_abs)).collect();
        let max = kept.iter().flat_map(|(_, w)| w.iter()).fold(0f32, |m, x| m.max(x.abs())).max(1e-6);
        let scale = max / 32767.0;
        let mut out = Vec::with_capacity(8 + kept.len() * (8 + 2 * NT));
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        let mut kept = kept;
        kept.sort_by_key(|(h, _)| **h);
        for (h, w) in kept {
            out.extend_from_slice(&h.to_le_bytes());
            for x in w {
                out.extend_from_slice(&((x / scale).round() as i16).to_le_bytes());
            }
        }
        out
    }

    pub fn scores(&self, feats: &[u64], out: &mut [f32; NT]) {
        *out = [0.0; NT];
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for k in 0..NT {
                    out[k] += w[k];
                }
            }
        }
    }
}

/// The embedded model, if one was trained.
pub fn model() -> Option<&'static Model> {
    static M: OnceLock<Option<Model>> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(MODEL)).as_ref()
}

const FNV: u64 = 0xcbf29ce484222325;
fn mix(h: u64, bytes: &[u8]) -> u64 {
    let mut h = h;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}
fn feat(template: u8, parts: &[&str]) -> u64 {
    let mut h = mix(FNV, &[template]);
    for p in parts {
        h = mix(h, p.as_bytes());
        h = mix(h, &[0xff]);
    }
    h
}

/// A word of a sentence as the tagger sees it.
pub struct Word<'a> {
    pub norm: &'a str,
    pub kind: TokenKind,
    /// What the word tables know about `norm` and about its stem.
    pub lex: Lex,
    pub stem_lex: Lex,
}

impl<'a> Word<'a> {
    pub fn new(norm: &'a str, kind: TokenKind) -> Self {
        let kb = kb();
        Self::with_lex(kb, norm, kind, kb.lex(norm))
    }
    /// With the table entry of `norm` already looked up.
    pub fn with_lex(kb: &Kb, norm: &'a str, kind: TokenKind, lex: Lex) -> Self {
        let st = stem(norm);
        let stem_lex = if st.len() == norm.len() { lex } else { kb.lex(st) };
        Word { norm, kind, lex, stem_lex }
    }
}

/// `token_types` of a word, else of its stem.
fn token_types(w: Option<&Word>) -> u8 {
    match w {
        None => 0,
        Some(w) if w.lex.has(lexf::TOKEN_TYPES) => w.lex.token_types,
        Some(w) if w.stem_lex.has(lexf::TOKEN_TYPES) => w.stem_lex.token_types,
        Some(_) => 0,
    }
}

fn shape(w: &Word) -> &'static str {
    match w.kind {
        TokenKind::Word => "w",
        TokenKind::Latin => "L",
        TokenKind::Number => "9",
        TokenKind::Quote => "q",
        _ => ".",
    }
}

fn stem(w: &str) -> &str {
    let mut s = w;
    for p in ["وال", "بال", "لل", "فال", "كال", "ال"] {
        if let Some(r) = s.strip_prefix(p) {
            if r.chars().count() >= 2 {
                s = r;
                break;
            }
        }
    }
    s
}

fn prefix(w: &str, n: usize) -> &str {
    match w.char_indices().nth(n) {
        Some((b, _)) => &w[..b],
        None => w,
    }
}
fn suffix(w: &str, n: usize) -> &str {
    let c = w.chars().count();
    if c <= n {
        return w;
    }
    match w.char_indices().nth(c - n) {
        Some((b, _)) => &w[b..],
        None => w,
    }
}

/// Observation features of word `i` (not depending on previous tags).
pub fn features(words: &[Word], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let word = |k: isize| -> Option<&Word> {
        let j = i as isize + k;
        if j < 0 || j as usize >= words.len() {
            None
        } else {
            Some(&words[j as usize])
        }
    };
    let get = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 || j as usize >= words.len() {
            "<s>"
        } else {
            words[j as usize].norm
        }
    };
    let w = get(0);
    let st = stem(w);
    out.push(feat(0, &[]));
    out.push(feat(1, &[w]));
    out.push(feat(2, &[st]));
    out.push(feat(3, &[get(-1)]));
    out.push(feat(4, &[get(1)]));
    out.push(feat(5, &[get(-2)]));
    out.push(feat(6, &[get(2)]));
    out.push(feat(7, &[get(-1), w]));
    out.push(feat(8, &[w, get(1)]));
    out.push(feat(9, &[prefix(w, 2)]));
    out.push(feat(10, &[suffix(w, 2)]));
    out.push(feat(11, &[suffix(w, 3)]));
    out.push(feat(12, &[prefix(st, 3)]));
    out.push(feat(13, &[shape(&words[i])]));
    out.push(feat(14, &[stem(get(-1))]));
    out.push(feat(15, &[stem(get(1))]));
    let mut gb = [0u8; 6];
    let mut gn = 0;
    let (me, prev) = (&words[i], word(-1));
    let mut flag = |on: bool, c: u8| {
        if on {
            gb[gn] = c;
            gn += 1;
        }
    };
    flag(me.stem_lex.has(lexf::FIRST_NAME) || me.lex.has(lexf::FIRST_NAME), b'F');
    flag(prev.map(|p| p.lex.has(lexf::TITLE) || p.stem_lex.has(lexf::TITLE)).unwrap_or(false), b'T');
    flag(me.lex.has(lexf::FIRST_TOKEN) || me.stem_lex.has(lexf::FIRST_TOKEN), b'K');
    flag(me.lex.has(lexf::DEMONYM), b'D');
    flag(me.lex.has(lexf::STOPWORD), b'S');
    flag(prev.map(|p| p.lex.has(lexf::ORG_HEAD)).unwrap_or(false), b'H');
    let g = std::str::from_utf8(&gb[..gn]).unwrap_or("");
    let (t0, tp, tn) = (token_types(Some(me)), token_types(prev), token_types(word(1)));
    out.push(feat(18, &[std::str::from_utf8(&[b'a' + t0]).unwrap_or("")]));
    out.push(feat(19, &[std::str::from_utf8(&[b'a' + tp, b'a' + t0, b'a' + tn]).unwrap_or("")]));
    out.push(feat(16, &[g]));
    out.push(feat(17, &[g, suffix(w, 2)]));
}

/// Features that depend on the previous two tags.
pub fn tag_features(words: &[Word], i: usize, p1: Tag, p2: Tag, out: &mut Vec<u64>) {
    let b1 = [p1.0];
    let b2 = [p1.0, p2.0];
    let s1 = std::str::from_utf8(&b1).unwrap_or("");
    let s2 = std::str::from_utf8(&b2).unwrap_or("");
    out.push(feat(20, &[s1]));
    out.push(feat(21, &[s2]));
    out.push(feat(22, &[s1, words[i].norm]));
}

/// The embedded model laid out for decoding: weight rows in one vector,
/// the rows of features that take few values precomputed, and (per thread)
/// the rows of every word's single-word features, so that a token costs
/// four feature hashes instead of 23. Sums are taken in the order of
/// [`features`] + [`tag_features`], so scores are bit-identical.
struct Fast {
    rows: Vec<[f32; NT]>,
    index: HashMap<u64, u32>,
    c0: u32,
    shape: [u32; 5],
    t18: [u32; 16],
    t19: Vec<u32>,
    t16: [u32; 64],
    t20: [u32; NT],
    t21: [u32; NT * NT],
}

const NONE: u32 = u32::MAX;
/// Templates of the single-word features cached per word, in cache order.
const WORD_TEMPLATES: [u8; 12] = [1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 14, 15];

impl Fast {
    fn new(m: &Model) -> Fast {
        let mut rows = Vec::with_capacity(m.weights.len());
        let mut index = HashMap::with_capacity_and_hasher(m.weights.len(), Default::default());
        for (h, w) in &m.weights {
            index.insert(*h, rows.len() as u32);
            rows.push(*w);
        }
        let mut f = Fast { rows, index, c0: NONE, shape: [NONE; 5], t18: [NONE; 16], t19: vec![NONE; 4096], t16: [NONE; 64], t20: [NONE; NT], t21: [NONE; NT * NT] };
        f.c0 = f.get(feat(0, &[]));
        for (k, sh) in ["w", "L", "9", "q", "."].iter().enumerate() {
            f.shape[k] = f.get(feat(13, &[sh]));
        }
        for t in 0..16u8 {
            f.t18[t as usize] = f.get(feat(18, &[std::str::from_utf8(&[b'a' + t]).unwrap_or("")]));
        }
        for tp in 0..16u8 {
            for t0 in 0..16u8 {
                for tn in 0..16u8 {
                    let h = feat(19, &[std::str::from_utf8(&[b'a' + tp, b'a' + t0, b'a' + tn]).unwrap_or("")]);
                    f.t19[((tp as usize) << 8) | ((t0 as usize) << 4) | tn as usize] = f.get(h);
                }
            }
        }
        for mask in 0..64usize {
            let g = g_string(mask);
            f.t16[mask] = f.get(feat(16, &[std::str::from_utf8(&g.0[..g.1]).unwrap_or("")]));
        }
        for p1 in 0..NT as u8 {
            f.t20[p1 as usize] = f.get(feat(20, &[std::str::from_utf8(&[p1]).unwrap_or("")]));
            for p2 in 0..NT as u8 {
                f.t21[p1 as usize * NT + p2 as usize] = f.get(feat(21, &[std::str::from_utf8(&[p1, p2]).unwrap_or("")]));
            }
        }
        f
    }
    #[inline]
    fn get(&self, h: u64) -> u32 {
        self.index.get(&h).copied().unwrap_or(NONE)
    }
    #[inline]
    fn add(&self, r: u32, out: &mut [f32; NT]) {
        if r != NONE {
            let w = &self.rows[r as usize];
            for k in 0..NT {
                out[k] += w[k];
            }
        }
    }
    fn word_rows(&self, w: &str) -> [u32; 12] {
        let st = stem(w);
        let parts: [&str; 12] = [w, st, w, w, w, w, prefix(w, 2), suffix(w, 2), suffix(w, 3), prefix(st, 3), st, st];
        let mut out = [NONE; 12];
        for k in 0..12 {
            out[k] = self.get(feat(WORD_TEMPLATES[k], &[parts[k]]));
        }
        out
    }
}

/// The `g` feature string of a flag mask (bits F T K D S H, in that order).
fn g_string(mask: usize) -> ([u8; 6], usize) {
    let mut b = [0u8; 6];
    let mut n = 0;
    for (k, c) in b"FTKDSH".iter().enumerate() {
        if mask & (1 << k) != 0 {
            b[n] = *c;
            n += 1;
        }
    }
    (b, n)
}

fn fast() -> Option<&'static Fast> {
    static F: OnceLock<Option<Fast>> = OnceLock::new();
    F.get_or_init(|| model().map(Fast::new)).as_ref()
}

/// Per-thread cache of the single-word feature rows of the words seen.
#[derive(Default)]
struct WordCache {
    ids: marsad_text::WordTable<u32>,
    rows: Vec<[u32; 12]>,
}

const WORD_CACHE_MAX: usize = 200_000;

thread_local! {
    static WORD_CACHE: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache::default());
}

impl WordCache {
    fn id(&mut self, f: &Fast, w: &str) -> u32 {
        if let Some(&i) = self.ids.get(w) {
            return i;
        }
        let i = self.rows.len() as u32;
        self.rows.push(f.word_rows(w));
        self.ids.insert(w, i);
        i
    }
}

fn shape_index(k: TokenKind) -> usize {
    match k {
        TokenKind::Word => 0,
        TokenKind::Latin => 1,
        TokenKind::Number => 2,
        TokenKind::Quote => 3,
        _ => 4,
    }
}

/// [`tag_words`] with the embedded model, through [`Fast`].
fn tag_words_fast(f: &Fast, words: &[Word], tags: &mut Vec<Tag>) {
    WORD_CACHE.with(|wc| {
        let mut wc = wc.borrow_mut();
        if wc.rows.len() > WORD_CACHE_MAX {
            *wc = WordCache::default();
        }
        let n = words.len();
        // word ids with two "<s>" on each side
        let mut ids: Vec<u32> = Vec::with_capacity(n + 4);
        let s = wc.id(f, "<s>");
        ids.extend([s, s]);
        for w in words {
            let id = wc.id(f, w.norm);
            ids.push(id);
        }
        ids.extend([s, s]);
        let rows = &wc.rows;
        let (mut p1, mut p2) = (Tag::O, Tag::O);
        let skip_common = SKIP_COMMON.load(std::sync::atomic::Ordering::Relaxed);
        let get = |j: isize| -> &str {
            if j < 0 || j as usize >= n {
                "<s>"
            } else {
                words[j as usize].norm
            }
        };
        for i in 0..n {
            let w = &words[i];
            if tagged_o_unscored(w, p1, skip_common) {
                tags.push(Tag::O);
                p2 = p1;
                p1 = Tag::O;
                continue;
            }
            let r = |k: usize, t: usize| rows[ids[i + 2 + k - 2] as usize][t];
            let (me, prev, next) = (w, (i > 0).then(|| &words[i - 1]), words.get(i + 1));
            let ii = i as isize;
            let mut sc = [0f32; NT];
            f.add(f.c0, &mut sc);
            f.add(r(2, 0), &mut sc); // 1: w
            f.add(r(2, 1), &mut sc); // 2: stem
            f.add(r(1, 2), &mut sc); // 3: w-1
            f.add(r(3, 3), &mut sc); // 4: w+1
            f.add(r(0, 4), &mut sc); // 5: w-2
            f.add(r(4, 5), &mut sc); // 6: w+2
            f.add(f.get(feat(7, &[get(ii - 1), w.norm])), &mut sc);
            f.add(f.get(feat(8, &[w.norm, get(ii + 1)])), &mut sc);
            f.add(r(2, 6), &mut sc); // 9
            f.add(r(2, 7), &mut sc); // 10
            f.add(r(2, 8), &mut sc); // 11
            f.add(r(2, 9), &mut sc); // 12
            f.add(f.shape[shape_index(w.kind)], &mut sc); // 13
            f.add(r(1, 10), &mut sc); // 14
            f.add(r(3, 11), &mut sc); // 15
            let (t0, tp, tn) = (token_types(Some(me)), token_types(prev), token_types(next));
            f.add(f.t18[(t0 & 15) as usize], &mut sc);
            f.add(f.t19[(((tp & 15) as usize) << 8) | (((t0 & 15) as usize) << 4) | (tn & 15) as usize], &mut sc);
            let mut mask = 0usize;
            if me.stem_lex.has(lexf::FIRST_NAME) || me.lex.has(lexf::FIRST_NAME) {
                mask |= 1;
            }
            if prev.map(|p| p.lex.has(lexf::TITLE) || p.stem_lex.has(lexf::TITLE)).unwrap_or(false) {
                mask |= 2;
            }
            if me.lex.has(lexf::FIRST_TOKEN) || me.stem_lex.has(lexf::FIRST_TOKEN) {
                mask |= 4;
            }
            if me.lex.has(lexf::DEMONYM) {
                mask |= 8;
            }
            if me.lex.has(lexf::STOPWORD) {
                mask |= 16;
            }
            if prev.map(|p| p.lex.has(lexf::ORG_HEAD)).unwrap_or(false) {
                mask |= 32;
            }
            f.add(f.t16[mask], &mut sc);
            let g = g_string(mask);
            f.add(f.get(feat(17, &[std::str::from_utf8(&g.0[..g.1]).unwrap_or(""), suffix(w.norm, 2)])), &mut sc);
            f.add(f.t20[p1.0 as usize], &mut sc);
            f.add(f.t21[p1.0 as usize * NT + p2.0 as usize], &mut sc);
            f.add(f.get(feat(22, &[std::str::from_utf8(&[p1.0]).unwrap_or(""), w.norm])), &mut sc);
            let t = best_tag(&sc);
            tags.push(t);
            p2 = p1;
            p1 = t;
        }
    })
}

/// Punctuation, and function words (common words too, when `skip_common`)
/// outside a name: tagged O without scoring, by both decoders.
fn tagged_o_unscored(w: &Word, p1: Tag, skip_common: bool) -> bool {
    w.kind != TokenKind::Word && w.kind != TokenKind::Latin || (p1 == Tag::O && (w.lex.has(lexf::STOPWORD) || (skip_common && w.lex.has(lexf::COMMON))))
}

/// The highest-scoring tag (the first on ties).
fn best_tag(sc: &[f32; NT]) -> Tag {
    let mut best = 0;
    for k in 1..NT {
        if sc[k] > sc[best] {
            best = k;
        }
    }
    Tag(best as u8)
}

/// Greedy decoding of one sentence.
pub fn tag_words(m: &Model, words: &[Word], tags: &mut Vec<Tag>) {
    if let (Some(em), Some(f)) = (model(), fast()) {
        if std::ptr::eq(m, em) {
            return tag_words_fast(f, words, tags);
        }
    }
    let mut fs = Vec::with_capacity(32);
    let mut sc = [0f32; NT];
    let (mut p1, mut p2) = (Tag::O, Tag::O);
    let skip_common = SKIP_COMMON.load(std::sync::atomic::Ordering::Relaxed);
    for i in 0..words.len() {
        let w = &words[i];
        if tagged_o_unscored(w, p1, skip_common) {
            tags.push(Tag::O);
            p2 = p1;
            p1 = Tag::O;
            continue;
        }
        features(words, i, &mut fs);
        tag_features(words, i, p1, p2, &mut fs);
        m.scores(&fs, &mut sc);
        let t = best_tag(&sc);
        tags.push(t);
        p2 = p1;
        p1 = t;
    }
}

/// Tags for every token of the document (empty when no model is embedded).
pub fn tag_doc(doc: &Doc) -> Vec<Tag> {
    let kb = kb();
    let lex: Vec<Lex> = (0..doc.tokens.len()).map(|i| kb.lex(doc.tokens.norm(i))).collect();
    tag_doc_with(doc, &lex)
}

/// [`tag_doc`] with every token's table entry already looked up.
pub fn tag_doc_with(doc: &Doc, lex: &[Lex]) -> Vec<Tag> {
    let Some(m) = model() else { return Vec::new() };
    let kb = kb();
    let mut tags = Vec::with_capacity(doc.tokens.len());
    let mut words = Vec::new();
    for s in &doc.sentences {
        let r = doc.tokens.index_at(s.start)..doc.tokens.index_at(s.end);
        words.clear();
        for i in r.clone() {
            words.push(Word::with_lex(kb, doc.tokens.norm(i), doc.tokens[i].kind, lex[i]));
        }
        while tags.len() < r.start {
            tags.push(Tag::O);
        }
        tags.truncate(r.start);
        tag_words(m, &words, &mut tags);
    }
    tags.resize(doc.tokens.len(), Tag::O);
    tags
}
