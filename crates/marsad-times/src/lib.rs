//! # marsad-times
//!
//! Temporal expressions normalised to TIMEX3-style values against the article date.
//! Adds the `times` layer of a [`marsad_doc::Doc`].
//!
//! Matching works on normalised tokens (`doc.tokens.norm(i)`) with a lexicon
//! built once from `data/time/*.tsv`; proclitics و ف ب ل on the first word
//! are allowed (an entry in ال also matches in لل, with the text layer's
//! `ARTICLE`/`FUSED_ARTICLE` constants). Values: `2024-01-27`, `2024-01`, `2024`, `2024-W04`,
//! `2023-FA`, `P6M`, `PXY`, `PRESENT_REF`, `2024-01-27T10:30`.

pub mod calendar;

use std::sync::OnceLock;

use calendar::{days_from_civil, days_in_month, fmt_day, fmt_week, parse_date, weekday, Hijri};
use marsad_doc::{Annotator, Doc, Time};
use marsad_text::clitic::{ARTICLE, FUSED_ARTICLE};
use marsad_text::{normalize_str, ShapeFilter, TokenKind};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Of,
    And,
    To,
    Since,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum DayPart {
    Prefix,
    Am,
    Pm,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Rel {
    Day(i64),
    Present,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Month { m: u32, hijri: bool, ambiguous: bool },
    Weekday(u32),
    Relative(Rel),
    CalUnit(u8),
    Modifier(i8),
    Demonstrative,
    Season { code: [u8; 2], month: u32, needs_year: bool },
    SeasonBlocker,
    DurUnit { unit: &'static str, form: u8 },
    NumWord(Option<u32>),
    Ordinal(u32),
    Trigger,
    Marker { hijri: bool },
    DayPart(DayPart),
    DayWord,
    HourWord,
    Future,
    NotFuture,
    GeneralHead,
    Connector(Role),
    YearWord,
    PeriodPart,
}

/// First-token kinds of the patterns of [`Ctx`]: every pattern (`weekday` … `duration`) first
/// asks for one of its kinds at its first token, and fails without one. A token's kinds are
/// read once ([`Ctx::start_kinds`]), so a pattern whose kinds are absent is not tried, and a token
/// with none (an ordinary word, a connector, a modifier) is passed over with one test.
mod start {
    pub const DAY_PART_PREFIX: u16 = 1 << 0;
    pub const DAY_WORD: u16 = 1 << 1;
    pub const WEEKDAY: u16 = 1 << 2;
    pub const ORDINAL: u16 = 1 << 3;
    pub const MONTH: u16 = 1 << 4;
    pub const YEAR_WORD: u16 = 1 << 5;
    pub const HOUR_WORD: u16 = 1 << 6;
    pub const DEMONSTRATIVE: u16 = 1 << 7;
    pub const CAL_UNIT: u16 = 1 << 8;
    pub const RELATIVE: u16 = 1 << 9;
    pub const SEASON: u16 = 1 << 10;
    pub const NUM_WORD: u16 = 1 << 11;
    pub const SINCE: u16 = 1 << 12;
    pub const DUR_UNIT: u16 = 1 << 13;
    /// A digit token.
    pub const NUMBER: u16 = 1 << 14;

    /// The first-token kinds of each pattern.
    pub const WEEKDAY_PATTERN: u16 = DAY_PART_PREFIX | DAY_WORD | WEEKDAY;
    pub const NUMERIC_DATE_PATTERN: u16 = NUMBER;
    pub const DAY_MONTH_PATTERN: u16 = DAY_WORD | NUMBER | ORDINAL;
    pub const MONTH_PATTERN: u16 = MONTH;
    pub const YEAR_PATTERN: u16 = YEAR_WORD | NUMBER;
    pub const CLOCK_PATTERN: u16 = HOUR_WORD;
    pub const CALENDAR_UNIT_PATTERN: u16 = DEMONSTRATIVE | CAL_UNIT;
    pub const RELATIVE_PATTERN: u16 = DAY_PART_PREFIX | RELATIVE;
    pub const SEASON_PATTERN: u16 = DEMONSTRATIVE | SEASON;
    pub const DURATION_PATTERN: u16 = NUMBER | NUM_WORD | SINCE | DUR_UNIT;
}

impl Kind {
    /// This kind's bit among the first-token kinds of the patterns (0: it begins none).
    fn start_bit(self) -> u16 {
        match self {
            Kind::DayPart(DayPart::Prefix) => start::DAY_PART_PREFIX,
            Kind::DayWord => start::DAY_WORD,
            Kind::Weekday(_) => start::WEEKDAY,
            Kind::Ordinal(_) => start::ORDINAL,
            Kind::Month { .. } => start::MONTH,
            Kind::YearWord => start::YEAR_WORD,
            Kind::HourWord => start::HOUR_WORD,
            Kind::Demonstrative => start::DEMONSTRATIVE,
            Kind::CalUnit(_) => start::CAL_UNIT,
            Kind::Relative(_) => start::RELATIVE,
            Kind::Season { .. } => start::SEASON,
            Kind::NumWord(_) => start::NUM_WORD,
            Kind::Connector(Role::Since) => start::SINCE,
            Kind::DurUnit { .. } => start::DUR_UNIT,
            _ => 0,
        }
    }
}

#[derive(Debug, Clone)]
struct Entry {
    rest: Vec<String>,
    kind: Kind,
}

/// Form codes for duration units.
const SG: u8 = 0;
const PL: u8 = 1;
const DU: u8 = 2;

#[derive(Debug, Default)]
struct Lexicon {
    map: marsad_text::WordTable<Vec<Entry>>,
    /// Every form [`lookup`] answers for, read once at build time: a key of `map` alone or after one
    /// or two proclitics ([`PROCLITICS`]), with its entries (an index into `lists`) and the number
    /// of proclitic letters stripped. One probe per token instead of one per clitic reading (an
    /// `EndingFilter` before it cost more than it saved: 8 M on the benchmark sample).
    forms: marsad_text::WordTable<Form>,
    /// The shapes of the keys of `forms`: two tokens in three have none of them and skip the probe.
    shapes: ShapeFilter,
    /// The entry lists of the keys of `map`, for `forms`.
    lists: Vec<Vec<Entry>>,
    /// Beginnings of a future verb (`future_prefixes.tsv`: سي، ست، سن).
    future_prefixes: Vec<String>,
}

fn unit_code(s: &str) -> Option<&'static str> {
    Some(match s {
        "D" => "D",
        "W" => "W",
        "M" => "M",
        "Y" => "Y",
        "H" => "H",
        "MIN" => "MIN",
        "DE" => "DE",
        "CE" => "CE",
        _ => return None,
    })
}

fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

impl Lexicon {
    fn add(&mut self, phrase: &str, kind: Kind) {
        let norm = normalize_str(phrase);
        let mut words = norm.split_whitespace();
        let Some(first) = words.next() else { return };
        let rest: Vec<String> = words.map(str::to_string).collect();
        // "لل" + word for "ال" + word (للعام = ل + العام).
        if let Some(stem) = first.strip_prefix(ARTICLE) {
            let ll = format!("{FUSED_ARTICLE}{stem}");
            self.map.get_or_insert_with(&ll, Vec::new).push(Entry { rest: rest.clone(), kind });
        }
        self.map.get_or_insert_with(first, Vec::new).push(Entry { rest, kind });
    }

    /// Fill `forms`. A form can be read several ways (والي = و + الي or a key والي itself): the
    /// reading with the fewest proclitics stripped wins, as when the token is stripped letter by
    /// letter. Proclitics are stripped only while two letters or more remain.
    fn fill_forms(&mut self) {
        let mut forms: marsad_text::WordTable<Form> = marsad_text::WordTable::default();
        let mut add = |form: &str, list: u32, kinds: u16, strip: u8| {
            let e = forms.get_or_insert_with(form, || Form { list, strip, kinds });
            if e.strip > strip {
                *e = Form { list, strip, kinds };
            }
        };
        let mut lists = Vec::with_capacity(self.map.len());
        let mut form = String::new();
        for (key, entries) in self.map.iter() {
            let list = lists.len() as u32;
            let kinds = entries.iter().fold(0, |m, e| m | e.kind.start_bit());
            lists.push(entries.clone());
            let mut add = |form: &str, strip: u8| add(form, list, kinds, strip);
            add(key, 0);
            if key.chars().nth(1).is_none() {
                continue;
            }
            for p in PROCLITICS {
                form.clear();
                form.push(p);
                form.push_str(key);
                add(&form, 1);
                for q in PROCLITICS {
                    form.clear();
                    form.extend([p, q]);
                    form.push_str(key);
                    add(&form, 2);
                }
            }
        }
        self.shapes = ShapeFilter::default();
        for (form, _) in forms.iter() {
            self.shapes.insert(form);
        }
        self.forms = forms;
        self.lists = lists;
    }

    fn build() -> Self {
        let mut lx = Lexicon::default();
        for r in rows(include_str!("../../../data/time/months.tsv")) {
            if r.len() >= 3 {
                if let Ok(m) = r[1].parse() {
                    let hijri = r[2] == "hijri";
                    let ambiguous = r.get(3).is_some_and(|f| f.contains("ambiguous"));
                    lx.add(r[0], Kind::Month { m, hijri, ambiguous });
                }
            }
        }
        for r in rows(include_str!("../../../data/time/weekdays.tsv")) {
            if let Some(Ok(n)) = r.get(1).map(|s| s.parse()) {
                lx.add(r[0], Kind::Weekday(n));
            }
        }
        for r in rows(include_str!("../../../data/time/relative.tsv")) {
            let Some(code) = r.get(1) else { continue };
            let rel = if *code == "PRESENT_REF" {
                Rel::Present
            } else if let Some(Ok(n)) = code.strip_prefix('D').map(|s| s.parse()) {
                Rel::Day(n)
            } else {
                continue;
            };
            lx.add(r[0], Kind::Relative(rel));
        }
        for r in rows(include_str!("../../../data/time/calendar_units.tsv")) {
            if let Some(u) = r.get(1).and_then(|s| s.bytes().next()) {
                lx.add(r[0], Kind::CalUnit(u));
            }
        }
        for r in rows(include_str!("../../../data/time/modifiers.tsv")) {
            if let Some(Ok(n)) = r.get(1).map(|s| s.parse()) {
                lx.add(r[0], Kind::Modifier(n));
            }
        }
        for r in rows(include_str!("../../../data/time/demonstratives.tsv")) {
            lx.add(r[0], Kind::Demonstrative);
        }
        for r in rows(include_str!("../../../data/time/seasons.tsv")) {
            if r.len() >= 3 && r[1].len() == 2 {
                if let Ok(month) = r[2].parse() {
                    let b = r[1].as_bytes();
                    let needs_year = r.get(3).is_some_and(|f| f.contains("needs_year"));
                    lx.add(r[0], Kind::Season { code: [b[0], b[1]], month, needs_year });
                }
            }
        }
        for r in rows(include_str!("../../../data/time/season_blockers.tsv")) {
            lx.add(r[0], Kind::SeasonBlocker);
        }
        for r in rows(include_str!("../../../data/time/duration_units.tsv")) {
            if r.len() >= 3 {
                if let Some(unit) = unit_code(r[1]) {
                    let form = match r[2] {
                        "pl" => PL,
                        "du" => DU,
                        _ => SG,
                    };
                    lx.add(r[0], Kind::DurUnit { unit, form });
                }
            }
        }
        for r in rows(include_str!("../../../data/time/number_words.tsv")) {
            if let Some(v) = r.get(1) {
                let n = if *v == "X" { None } else { v.parse().ok() };
                lx.add(r[0], Kind::NumWord(n));
            }
        }
        for r in rows(include_str!("../../../data/time/ordinals.tsv")) {
            if let Some(Ok(n)) = r.get(1).map(|s| s.parse()) {
                lx.add(r[0], Kind::Ordinal(n));
            }
        }
        for r in rows(include_str!("../../../data/time/triggers.tsv")) {
            lx.add(r[0], Kind::Trigger);
        }
        for r in rows(include_str!("../../../data/time/markers.tsv")) {
            if let Some(c) = r.get(1) {
                lx.add(r[0], Kind::Marker { hijri: *c == "hijri" });
            }
        }
        for r in rows(include_str!("../../../data/time/day_parts.tsv")) {
            let p = match r.get(1).copied() {
                Some("prefix") => DayPart::Prefix,
                Some("am") => DayPart::Am,
                Some("pm") => DayPart::Pm,
                _ => continue,
            };
            lx.add(r[0], Kind::DayPart(p));
        }
        for r in rows(include_str!("../../../data/time/day_words.tsv")) {
            match r.get(1).copied() {
                Some("day") => lx.add(r[0], Kind::DayWord),
                Some("hour") => lx.add(r[0], Kind::HourWord),
                _ => {}
            }
        }
        for r in rows(include_str!("../../../data/time/future_markers.tsv")) {
            lx.add(r[0], Kind::Future);
        }
        for r in rows(include_str!("../../../data/time/future_prefixes.tsv")) {
            lx.future_prefixes.push(normalize_str(r[0]));
        }
        for r in rows(include_str!("../../../data/time/not_future.tsv")) {
            lx.add(r[0], Kind::NotFuture);
        }
        for r in rows(include_str!("../../../data/time/general_heads.tsv")) {
            lx.add(r[0], Kind::GeneralHead);
        }
        for r in rows(include_str!("../../../data/time/connectors.tsv")) {
            let role = match r.get(1).copied() {
                Some("of") => Role::Of,
                Some("and") => Role::And,
                Some("to") => Role::To,
                Some("since") => Role::Since,
                _ => continue,
            };
            lx.add(r[0], Kind::Connector(role));
        }
        for r in rows(include_str!("../../../data/time/period_parts.tsv")) {
            lx.add(r[0], Kind::PeriodPart);
        }
        for r in rows(include_str!("../../../data/time/year_words.tsv")) {
            lx.add(r[0], Kind::YearWord);
        }
        // Longest phrases first.
        for v in lx.map.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
        }
        lx.fill_forms();
        lx
    }
}

/// Proclitic letters allowed before the first word (one or two of them).
const PROCLITICS: [char; 4] = ['و', 'ف', 'ب', 'ل'];

/// What a form of [`Lexicon::forms`] reads as: its entry list (an index into `lists`), the number
/// of proclitic letters stripped, and the first-token kinds (`start::*`) of the entries, folded at
/// build time so that the scan of a document tests one number per token.
#[derive(Clone, Copy, Debug)]
struct Form {
    list: u32,
    strip: u8,
    kinds: u16,
}

/// Lexicon hit of one token: the entries and how many proclitic letters were stripped.
#[derive(Clone, Copy)]
struct Hit<'a> {
    entries: &'a [Entry],
    strip: u8,
}

#[inline]
fn lookup<'a>(lx: &'a Lexicon, norm: &str) -> Option<(Hit<'a>, u16)> {
    if !lx.shapes.may_contain(norm) {
        return None;
    }
    let f = lx.forms.get(norm)?;
    Some((Hit { entries: lx.lists.get(f.list as usize)?, strip: f.strip }, f.kinds))
}

struct Found {
    start_tok: usize,
    end_tok: usize,
    strip: u8,
    value: String,
    kind: &'static str,
}

struct Ctx<'a> {
    doc: &'a Doc,
    lx: &'a Lexicon,
    hijri: &'a Hijri,
    hits: Vec<Option<Hit<'a>>>,
    /// The first-token kinds (`start::*`) of each token, see [`Ctx::start_kinds`].
    kinds: Vec<u16>,
    /// The tokens with first-token kinds, in order: the only ones where a pattern may begin, which
    /// the scan visits instead of every token.
    starts: Vec<u32>,
    anchor: i64,
    ay: i64,
    am: u32,
    ad: u32,
    /// Token range of the current sentence.
    lo: usize,
    hi: usize,
}

impl<'a> Ctx<'a> {
    /// The context of `doc`, with the lexicon hits of its tokens (no sentence chosen yet).
    fn new(doc: &'a Doc, sh: &'a Shared) -> Self {
        let anchor = parse_date(&doc.date).unwrap_or_else(|| days_from_civil(2024, 1, 1));
        let (ay, am, ad) = calendar::civil_from_days(anchor);
        let n = doc.tokens.len();
        let mut hits = vec![None; n];
        let mut kinds = vec![0; n];
        let mut starts = Vec::new();
        for (i, t) in doc.tokens.iter().enumerate() {
            let k = match t.kind {
                TokenKind::Word | TokenKind::Punct => match lookup(&sh.lx, doc.tokens.norm(i)) {
                    Some((hit, k)) => {
                        hits[i] = Some(hit);
                        k
                    }
                    None => 0,
                },
                TokenKind::Number => start::NUMBER,
                _ => 0,
            };
            if k != 0 {
                kinds[i] = k;
                starts.push(i as u32);
            }
        }
        Ctx { doc, lx: &sh.lx, hijri: &sh.hijri, hits, kinds, starts, anchor, ay, am, ad, lo: 0, hi: 0 }
    }

    /// The first-token kinds (`start::*`) present at token `i`: the patterns that may begin there.
    #[inline]
    fn start_kinds(&self, i: usize) -> u16 {
        self.kinds[i]
    }

    fn norm(&self, i: usize) -> &str {
        if i < self.hi {
            self.doc.tokens.norm(i)
        } else {
            ""
        }
    }

    /// Kind `f` at token `i` (with its phrase's extra words matched): (value, tokens used, strip).
    fn get<T>(&self, i: usize, f: impl Fn(Kind) -> Option<T>) -> Option<(T, usize, u8)> {
        if i >= self.hi {
            return None;
        }
        let hit = self.hits[i]?;
        for e in hit.entries {
            if let Some(v) = f(e.kind) {
                let n = e.rest.len();
                if i + 1 + n > self.hi {
                    continue;
                }
                if e.rest.iter().enumerate().all(|(k, w)| self.doc.tokens.norm(i + 1 + k) == w) {
                    return Some((v, 1 + n, hit.strip));
                }
            }
        }
        None
    }

    /// Kind at `i` only when no proclitic was stripped.
    fn get_bare<T>(&self, i: usize, f: impl Fn(Kind) -> Option<T>) -> Option<(T, usize)> {
        self.get(i, f).filter(|x| x.2 == 0).map(|(v, n, _)| (v, n))
    }

    fn is(&self, i: usize, f: impl Fn(Kind) -> bool) -> bool {
        self.get(i, |k| f(k).then_some(())).is_some()
    }

    fn number(&self, i: usize) -> Option<u32> {
        if i >= self.hi || self.doc.tokens[i].kind != TokenKind::Number {
            return None;
        }
        let n = self.doc.tokens.norm(i);
        if n.is_empty() || n.len() > 4 || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        n.parse().ok()
    }

    fn connector(&self, i: usize, role: Role) -> bool {
        self.get_bare(i, |k| (k == Kind::Connector(role)).then_some(())).is_some()
    }

    fn in_entity(&self, i: usize) -> bool {
        let t = &self.doc.tokens[i];
        let (s, e) = (t.start as usize, t.end as usize);
        self.doc.entities.iter().any(|x| x.start < e && s < x.end)
    }

    /// Whether the clause before token `i` is in the future tense.
    fn future_before(&self, i: usize) -> bool {
        let from = i.saturating_sub(6).max(self.lo);
        for j in (from..i).rev() {
            let n = self.doc.tokens.norm(j);
            if self.doc.tokens[j].kind == TokenKind::Punct && matches!(n, "," | ";" | ".") {
                return false;
            }
            if self.is(j, |k| k == Kind::Future) {
                return true;
            }
            if self.doc.tokens[j].kind != TokenKind::Word || self.is(j, |k| k == Kind::NotFuture) {
                continue;
            }
            let stem = n.strip_prefix('و').or_else(|| n.strip_prefix('ف')).unwrap_or(n);
            if self.lx.future_prefixes.iter().any(|p| stem.starts_with(p.as_str()))
                && stem.chars().count() >= 4
                && !self.in_entity(j)
            {
                return true;
            }
        }
        false
    }

    fn trigger_before(&self, i: usize) -> bool {
        i > self.lo && self.is(i - 1, |k| k == Kind::Trigger)
    }

    fn month_at(&self, i: usize) -> Option<((u32, bool, bool), usize, u8)> {
        self.get(i, |k| match k {
            Kind::Month { m, hijri, ambiguous } => Some((m, hijri, ambiguous)),
            _ => None,
        })
    }

    /// A month name with an optional second name ("تشرين الأول/ أكتوبر"): (month, hijri, ambiguous, next token).
    fn month_group(&self, i: usize, allow_strip: bool) -> Option<(u32, bool, bool, usize, u8)> {
        let ((m, hijri, amb), n, strip) = self.month_at(i)?;
        if strip > 0 && !allow_strip {
            return None;
        }
        let mut j = i + n;
        let mut amb = amb;
        let open = matches!(self.norm(j), "/" | "(" | "-");
        let k = if open { j + 1 } else { j };
        if let Some(((m2, h2, a2), n2, 0)) = self.month_at(k) {
            if m2 == m && h2 == hijri {
                j = k + n2;
                amb = amb && a2;
                if self.norm(j) == ")" {
                    j += 1;
                }
            }
        }
        Some((m, hijri, amb, j, strip))
    }

    fn year_after(&self, j: usize) -> Option<(i64, Option<bool>, usize)> {
        let mut k = j;
        if self.is(k, |x| x == Kind::YearWord) || self.connector(k, Role::Of) {
            k += 1;
        }
        if self.is(k, |x| x == Kind::YearWord) {
            k += 1;
        }
        let y = self.number(k)? as i64;
        let tok = self.norm(k);
        if tok.len() < 3 {
            return None;
        }
        k += 1;
        let mut marker = None;
        if let Some((h, n)) = self.get_bare(k, |x| match x {
            Kind::Marker { hijri } => Some(hijri),
            _ => None,
        }) {
            marker = Some(h);
            k += n;
        }
        Some((y, marker, k))
    }

    fn hijri_year_to_greg(&self, y: i64) -> i64 {
        calendar::civil_from_days(self.hijri.to_days(y, 7, 1)).0
    }

    // ---------- patterns ----------

    /// Day + month (+ year): "7 تشرين الأول/ أكتوبر 2023", "الثامن من أكتوبر", "١٥ رمضان ١٤٤٥ هـ".
    fn day_month(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut strip = 0;
        if let Some((_, n, s)) = self.get(j, |k| (k == Kind::DayWord).then_some(())) {
            if self.number(j + n).is_some() || self.get(j + n, |k| matches!(k, Kind::Ordinal(_)).then_some(())).is_some() {
                strip = s;
                j += n;
            }
        }
        let day = if let Some(d) = self.number(j) {
            j += 1;
            d
        } else if let Some((d, n, s)) = self.get(j, |k| match k {
            Kind::Ordinal(d) => Some(d),
            _ => None,
        }) {
            if j == i {
                strip = s;
            }
            j += n;
            if !self.connector(j, Role::Of) {
                return None;
            }
            j += 1;
            d
        } else {
            return None;
        };
        if day == 0 || day > 31 {
            return None;
        }
        let Some((m, hijri, _amb, mut j, _)) = self.month_group(j, false) else {
            // "بين 5 و7 أكتوبر", "من 5 إلى 7 أكتوبر": the first day takes the second's month.
            if (self.connector(j, Role::And) || self.connector(j, Role::To)) && self.number(j + 1).is_some()
                && self.month_group(j + 2, false).is_some()
            {
                let second = self.day_month(j + 1)?;
                let v = second.value.get(..8)?;
                if second.value.len() == 10 && (day as usize) < 32 {
                    let value = format!("{v}{:02}", day);
                    parse_date(&value)?;
                    return Some(Found { start_tok: i, end_tok: j, strip, value, kind: "date" });
                }
            }
            return None;
        };
        let year = self.year_after(j);
        let (value, end) = match year {
            Some((y, marker, k)) => {
                j = k;
                let hij = hijri || marker == Some(true);
                if hij {
                    if day > 30 {
                        return None;
                    }
                    (fmt_day(self.hijri.to_days(y, m, day)), j)
                } else {
                    if !hijri && day > days_in_month(y, m) {
                        return None;
                    }
                    (format!("{:04}-{:02}-{:02}", y, m, day), j)
                }
            }
            None => {
                if hijri {
                    if day > 30 {
                        return None;
                    }
                    let hy = self.hijri.year_of(self.anchor);
                    let mut d = self.hijri.to_days(hy, m, day);
                    let fut = self.future_before(i);
                    if !fut && d > self.anchor {
                        d = self.hijri.to_days(hy - 1, m, day);
                    } else if fut && d < self.anchor {
                        d = self.hijri.to_days(hy + 1, m, day);
                    }
                    (fmt_day(d), j)
                } else {
                    let mut y = self.ay;
                    let after = (m, day) > (self.am, self.ad);
                    let modifier = self.get_bare(j, |k| match k {
                        Kind::Modifier(m) => Some(m),
                        _ => None,
                    });
                    if let Some((_, n)) = modifier {
                        j += n;
                    }
                    let fut = match modifier {
                        Some((1, _)) => true,
                        Some((-1, _)) => false,
                        _ => self.future_before(i),
                    };
                    if matches!(modifier, Some((0, _))) {
                        // "22 مايو الجاري": this year.
                    } else if fut {
                        if (m, day) < (self.am, self.ad) {
                            y += 1;
                        }
                    } else if after {
                        y -= 1;
                    }
                    if day > days_in_month(y, m) {
                        return None;
                    }
                    (format!("{:04}-{:02}-{:02}", y, m, day), j)
                }
            }
        };
        Some(Found { start_tok: i, end_tok: end, strip, value, kind: "date" })
    }

    /// Month (+ year | modifier): "تشرين الأول/ أكتوبر 2023", "أكتوبر الماضي", "في يناير".
    fn month(&self, i: usize) -> Option<Found> {
        let (m, hijri, amb, j, strip) = self.month_group(i, true)?;
        if let Some((y, marker, k)) = self.year_after(j) {
            let value = if hijri || marker == Some(true) {
                let (gy, gm, _) = calendar::civil_from_days(self.hijri.to_days(y, m, 15));
                format!("{:04}-{:02}", gy, gm)
            } else {
                format!("{:04}-{:02}", y, m)
            };
            return Some(Found { start_tok: i, end_tok: k, strip, value, kind: "date" });
        }
        // "آذار من العام الماضي", "يناير من هذا العام": the month of a relative year.
        if !hijri && self.connector(j, Role::Of) {
            if let Some(f) = self.calendar_unit(j + 1).filter(|f| f.strip == 0 && f.value.len() == 4) {
                return Some(Found { start_tok: i, end_tok: f.end_tok, strip, value: format!("{}-{:02}", f.value, m), kind: "date" });
            }
        }
        let modifier = self.get_bare(j, |k| match k {
            Kind::Modifier(n) => Some(n),
            _ => None,
        });
        if hijri {
            // "رمضان الماضي", "شهر رمضان": only with a modifier or after the word for month.
            let month_word = i > self.lo
                && strip == 0
                && self.get(i - 1, |k| matches!(k, Kind::DurUnit { unit: "M", form: SG }).then_some(())).is_some();
            if modifier.is_none() && !month_word {
                return None;
            }
            let hy = self.hijri.year_of(self.anchor);
            let start_of = |y: i64| self.hijri.to_days(y, m, 1);
            let mut y = if start_of(hy) <= self.anchor { hy } else { hy - 1 };
            let fut = self.future_before(i);
            match modifier.map(|x| x.0) {
                Some(-1) if self.anchor < start_of(y) + 29 => y -= 1,
                Some(1) => y += 1,
                Some(_) => {}
                // Past this year's month: the coming one if it is nearer (or the clause is future).
                None if self.anchor >= start_of(y) + 29
                    && (fut || start_of(y + 1) - self.anchor < self.anchor - start_of(y)) =>
                {
                    y += 1
                }
                None => {}
            }
            let (gy, gm, _) = calendar::civil_from_days(self.hijri.to_days(y, m, 15));
            let end = j + modifier.map_or(0, |x| x.1);
            return Some(Found { start_tok: i, end_tok: end, strip, value: format!("{:04}-{:02}", gy, gm), kind: "date" });
        }
        let (off, end) = match modifier {
            Some((n, len)) => (Some(n), j + len),
            None => {
                let licensed = !amb && (strip == 0 || self.norm(i).starts_with('ب') || self.norm(i).starts_with('و'));
                if !licensed && !self.trigger_before(i) {
                    return None;
                }
                (None, j)
            }
        };
        let fut = self.future_before(i);
        let y = match off {
            Some(-1) => {
                if m < self.am {
                    self.ay
                } else {
                    self.ay - 1
                }
            }
            Some(1) => {
                if m > self.am {
                    self.ay
                } else {
                    self.ay + 1
                }
            }
            Some(_) => self.ay,
            None if fut => {
                if m >= self.am {
                    self.ay
                } else {
                    self.ay + 1
                }
            }
            None => {
                if m <= self.am {
                    self.ay
                } else {
                    self.ay - 1
                }
            }
        };
        Some(Found { start_tok: i, end_tok: end, strip, value: format!("{:04}-{:02}", y, m), kind: "date" })
    }

    /// Years: "عام 2014", "سنة ١٤٤٥ هـ", "في 2014", "1445 هـ", and a second year after و/إلى.
    fn year(&self, i: usize, after_year: bool) -> Option<Found> {
        let mut j = i;
        let mut strip = 0;
        let mut has_word = false;
        if let Some(((), n, s)) = self.get(i, |k| (k == Kind::YearWord).then_some(())) {
            if self.number(i + n).is_some() {
                j += n;
                strip = s;
                has_word = true;
            }
        }
        let y = self.number(j)? as i64;
        if self.norm(j).len() < 3 {
            return None;
        }
        let mut end = j + 1;
        let marker = self.get_bare(end, |k| match k {
            Kind::Marker { hijri } => Some(hijri),
            _ => None,
        });
        if let Some((_, n)) = marker {
            end += n;
        }
        let value = match marker {
            Some((true, _)) if (1..=1600).contains(&y) => self.hijri_year_to_greg(y).to_string(),
            _ => {
                if !(1000..=2200).contains(&y) {
                    return None;
                }
                // "من 2014 إلى 2017", "2014-2017": a year followed by another one.
                let range_next = (self.connector(end, Role::To) || self.connector(end, Role::And))
                    && self.number(end + 1).is_some_and(|y2| (1900..=2100).contains(&y2));
                let licensed = has_word
                    || marker.is_some()
                    || ((1900..=2100).contains(&y) && (self.trigger_before(i) || after_year || range_next));
                if !licensed {
                    return None;
                }
                // "في 2014 شخصا" is a count: the next token must not be a counted noun after a bare number.
                format!("{:04}", y)
            }
        };
        Some(Found { start_tok: i, end_tok: end, strip, value, kind: "date" })
    }

    fn resolve_weekday(&self, wd: u32, off: Option<i8>, fut: bool) -> i64 {
        let aw = weekday(self.anchor) as i64;
        let wd = wd as i64;
        let back = (aw - wd).rem_euclid(7);
        let fwd = (wd - aw).rem_euclid(7);
        match off {
            Some(-1) => self.anchor - if back == 0 { 7 } else { back },
            Some(1) => self.anchor + if fwd == 0 { 7 } else { fwd },
            _ if fut => self.anchor + fwd,
            _ => self.anchor - back,
        }
    }

    /// Weekdays: "يوم الثلاثاء", "الأربعاء الماضي", "مساء الجمعة", "اليوم السبت", "الخميس 7 أكتوبر".
    fn weekday(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut strip = None;
        if let Some((_, n, s)) = self.get(j, |k| (k == Kind::DayPart(DayPart::Prefix)).then_some(())) {
            strip = Some(s);
            j += n;
        }
        if let Some((_, n, s)) = self.get(j, |k| (k == Kind::DayWord).then_some(())) {
            if self.is(j, |k| matches!(k, Kind::Relative(_))) {
                // "اليوم السبت": handled with the relative day.
                return None;
            }
            if j == i {
                strip = Some(s);
            }
            j += n;
        }
        let (wd, n, s) = self.get(j, |k| match k {
            Kind::Weekday(w) => Some(w),
            _ => None,
        })?;
        if j > i && s > 0 {
            return None;
        }
        let strip = strip.unwrap_or(s);
        j += n;
        if let Some(f) = self.day_month(j) {
            return Some(Found { start_tok: i, end_tok: f.end_tok, strip, value: f.value, kind: "date" });
        }
        let modifier = self.get_bare(j, |k| match k {
            Kind::Modifier(m) => Some(m),
            _ => None,
        });
        let off = modifier.map(|x| x.0);
        if let Some((_, len)) = modifier {
            j += len;
        }
        let fut = off.is_none() && self.future_before(i);
        let d = self.resolve_weekday(wd, off, fut);
        Some(Found { start_tok: i, end_tok: j, strip, value: fmt_day(d), kind: "date" })
    }

    /// Relative days and present references: "اليوم", "أمس", "أول أمس", "صباح اليوم", "الآن".
    fn relative(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut strip = None;
        if let Some((_, n, s)) = self.get(j, |k| (k == Kind::DayPart(DayPart::Prefix)).then_some(())) {
            strip = Some(s);
            j += n;
        }
        let (rel, n, s) = self.get(j, |k| match k {
            Kind::Relative(r) => Some(r),
            _ => None,
        })?;
        if j > i && (s > 0 || rel == Rel::Present) {
            return None;
        }
        let strip = strip.unwrap_or(s);
        let mut end = j + n;
        let (value, kind) = match rel {
            Rel::Present => ("PRESENT_REF".to_string(), "date"),
            Rel::Day(n) => {
                // "أمس الجمعة", "غدا الأحد": the weekday names the same day.
                let mut d = self.anchor + n;
                if let Some((wd, n2)) = self.get_bare(end, |k| match k {
                    Kind::Weekday(w) => Some(w),
                    _ => None,
                }) {
                    end += n2;
                    // The weekday wins when the article date is a little off.
                    let diff = (wd as i64 - weekday(d) as i64).rem_euclid(7);
                    d += if diff > 3 { diff - 7 } else { diff };
                }
                (fmt_day(d), "date")
            }
        };
        Some(Found { start_tok: i, end_tok: end, strip, value, kind })
    }

    /// "هذا الأسبوع", "الشهر الماضي", "العام المقبل", "السنة الجارية".
    fn calendar_unit(&self, i: usize) -> Option<Found> {
        let (off, unit, end, strip) = if let Some((_, n, s)) = self.get(i, |k| (k == Kind::Demonstrative).then_some(())) {
            let (u, n2) = self.get_bare(i + n, |k| match k {
                Kind::CalUnit(u) => Some(u),
                _ => None,
            })?;
            (0i64, u, i + n + n2, s)
        } else {
            let (u, n, s) = self.get(i, |k| match k {
                Kind::CalUnit(u) => Some(u),
                _ => None,
            })?;
            let (m, n2) = match self.get_bare(i + n, |k| match k {
                Kind::Modifier(m) => Some(m),
                _ => None,
            }) {
                Some(x) => x,
                // "منذ مطلع العام", "حتى نهاية الشهر": the current one.
                None if s == 0 && i > self.lo && self.is(i - 1, |k| k == Kind::PeriodPart) && self.number(i + n).is_none() => (0, 0),
                None => return None,
            };
            if i > self.lo && s == 0 && self.is(i - 1, |k| k == Kind::GeneralHead) {
                return None;
            }
            (m as i64, u, i + n + n2, s)
        };
        let value = match unit {
            b'W' => fmt_week(self.anchor + 7 * off),
            b'M' => {
                let idx = self.ay * 12 + (self.am as i64 - 1) + off;
                format!("{:04}-{:02}", idx.div_euclid(12), idx.rem_euclid(12) + 1)
            }
            _ => format!("{:04}", self.ay + off),
        };
        Some(Found { start_tok: i, end_tok: end, strip, value, kind: "date" })
    }

    /// Seasons: "في الخريف" → 2023-FA (the most recent one), "الصيف المقبل", "صيف 2023".
    fn season(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut demo = None;
        if let Some((_, n, s)) = self.get(j, |k| (k == Kind::Demonstrative).then_some(())) {
            demo = Some(s);
            j += n;
        }
        let ((code, sm, needs_year), n, s) = self.get(j, |k| match k {
            Kind::Season { code, month, needs_year } => Some((code, month, needs_year)),
            _ => None,
        })?;
        if demo.is_some() && s > 0 {
            return None;
        }
        let strip = demo.unwrap_or(s);
        j += n;
        if self.is(j, |k| k == Kind::SeasonBlocker) {
            return None;
        }
        let code = std::str::from_utf8(&code).unwrap_or("XX");
        if let Some((y, marker, k)) = self.year_after(j) {
            let y = if marker == Some(true) { self.hijri_year_to_greg(y) } else { y };
            return Some(Found { start_tok: i, end_tok: k, strip, value: format!("{:04}-{}", y, code), kind: "date" });
        }
        if needs_year {
            return None;
        }
        let modifier = self.get_bare(j, |k| match k {
            Kind::Modifier(m) => Some(m),
            _ => None,
        });
        if let Some((_, len)) = modifier {
            j += len;
        }
        let licensed = demo.is_some() || modifier.is_some() || s > 0 || self.trigger_before(i);
        if !licensed {
            return None;
        }
        // The season instance that started most recently on or before the anchor.
        let cur = if self.am >= sm { self.ay } else { self.ay - 1 };
        let inside = (self.am as i64 - sm as i64).rem_euclid(12) < 3;
        let y = match modifier.map(|m| m.0) {
            Some(-1) => {
                if inside {
                    cur - 1
                } else {
                    cur
                }
            }
            Some(1) => cur + 1,
            Some(_) => cur,
            None if demo.is_some() => {
                if sm == 12 && self.am <= 2 {
                    self.ay - 1
                } else {
                    self.ay
                }
            }
            None if self.future_before(i) && !inside => cur + 1,
            None => cur,
        };
        Some(Found { start_tok: i, end_tok: j, strip, value: format!("{:04}-{}", y, code), kind: "date" })
    }

    fn unit_at(&self, i: usize) -> Option<((&'static str, u8), usize, u8)> {
        self.get(i, |k| match k {
            Kind::DurUnit { unit, form } => Some((unit, form)),
            _ => None,
        })
    }

    /// Durations: "ستة أشهر" → P6M, "3 سنوات" → P3Y, "منذ سنوات" → PXY, "عدة أشهر" → PXM, "عامين" → P2Y.
    fn duration(&self, i: usize) -> Option<Found> {
        let fmt = |n: Option<u32>, unit: &str| {
            let n = n.map(|n| n.to_string()).unwrap_or_else(|| "X".to_string());
            match unit {
                "H" => format!("PT{n}H"),
                "MIN" => format!("PT{n}M"),
                u => format!("P{n}{u}"),
            }
        };
        // number + unit
        if let Some(n) = self.number(i) {
            let ((unit, _), len, 0) = self.unit_at(i + 1)? else { return None };
            return Some(Found { start_tok: i, end_tok: i + 1 + len, strip: 0, value: fmt(Some(n), unit), kind: "duration" });
        }
        if let Some((n, len, s)) = self.get(i, |k| match k {
            Kind::NumWord(n) => Some(n),
            _ => None,
        }) {
            if let Some(((unit, _), len2, 0)) = self.unit_at(i + len) {
                return Some(Found { start_tok: i, end_tok: i + len + len2, strip: s, value: fmt(n, unit), kind: "duration" });
            }
            // unit + number word: "أشهر ستة" is rare; "سنوات عدة" common.
        }
        let since = self.get(i, |k| (k == Kind::Connector(Role::Since)).then_some(()));
        let (ui, strip) = match since {
            Some((_, n, s)) => (i + n, s),
            None => (i, 0),
        };
        let ((unit, form), len, s) = self.unit_at(ui)?;
        if since.is_some() && s > 0 {
            return None;
        }
        let strip = if since.is_some() { strip } else { s };
        let mut end = ui + len;
        // "سنوات عدة", "أشهر قليلة"
        if let Some((None, n2)) = self.get_bare(end, |k| match k {
            Kind::NumWord(n) => Some(n),
            _ => None,
        }) {
            end += n2;
            return Some(Found { start_tok: i, end_tok: end, strip, value: fmt(None, unit), kind: "duration" });
        }
        match form {
            DU => Some(Found { start_tok: i, end_tok: end, strip, value: fmt(Some(2), unit), kind: "duration" }),
            PL if since.is_some() || s > 0 || self.connector(end, Role::Of) => {
                Some(Found { start_tok: i, end_tok: end, strip, value: fmt(None, unit), kind: "duration" })
            }
            _ => None,
        }
    }

    /// Numeric dates written without spaces: 2024/02/15, 15/02/2024,
    /// 2023-11-05, 15.02.2024 (day before month, as Arabic news writes them).
    fn numeric_date(&self, i: usize) -> Option<Found> {
        let t = &self.doc.tokens;
        if i >= self.hi || t[i].kind != TokenKind::Number {
            return None;
        }
        let one = t.norm(i);
        let (parts, end_tok): (Vec<&str>, usize) = if one.bytes().filter(|&b| b == b'.' || b == b'/' || b == b'-').count() == 2 {
            // a single token such as 15.02.2024
            let sep = one.bytes().find(|&b| b == b'.' || b == b'/' || b == b'-')? as char;
            (one.split(sep).collect(), i + 1)
        } else {
            // number, separator, number, separator, number with nothing between them
            if i + 5 > self.hi {
                return None;
            }
            let sep = t.norm(i + 1);
            if !matches!(sep, "/" | "-" | ".") || t.norm(i + 3) != sep {
                return None;
            }
            if (i..i + 4).any(|k| t[k].end != t[k + 1].start) || t[i + 2].kind != TokenKind::Number || t[i + 4].kind != TokenKind::Number {
                return None;
            }
            (vec![one, t.norm(i + 2), t.norm(i + 4)], i + 5)
        };
        if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        // A digit run glued to what follows (2024/02/15/3) is not a date.
        if end_tok < self.hi && t[end_tok].start == t[end_tok - 1].end && matches!(t.norm(end_tok), "/" | "-" | ".") && end_tok + 1 < self.hi && t[end_tok + 1].kind == TokenKind::Number {
            return None;
        }
        let n: Vec<i64> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
        let (y, m, d) = match (parts[0].len(), parts[2].len()) {
            (4, 1..=2) if parts[1].len() <= 2 => (n[0], n[1], n[2]),
            (1..=2, 4) if parts[1].len() <= 2 => (n[2], n[1], n[0]),
            _ => return None,
        };
        if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) || d < 1 || d > calendar::days_in_month(y, m as u32) as i64 {
            return None;
        }
        Some(Found { start_tok: i, end_tok, strip: 0, value: format!("{y:04}-{m:02}-{d:02}"), kind: "date" })
    }

    /// Clock times: "الساعة 10:30 صباحا" → 2024-01-27T10:30.
    fn clock(&self, i: usize) -> Option<Found> {
        let (_, n, s) = self.get(i, |k| (k == Kind::HourWord).then_some(()))?;
        let mut j = i + n;
        let mut h = self.number(j)?;
        j += 1;
        let mut min = 0;
        if self.norm(j) == ":" {
            if let Some(mm) = self.number(j + 1) {
                min = mm;
                j += 2;
            }
        }
        if let Some((p, n2)) = self.get_bare(j, |k| match k {
            Kind::DayPart(p) if p != DayPart::Prefix => Some(p),
            _ => None,
        }) {
            if p == DayPart::Pm && h < 12 {
                h += 12;
            }
            if p == DayPart::Am && h == 12 {
                h = 0;
            }
            j += n2;
        }
        if h > 24 || min > 59 {
            return None;
        }
        let value = format!("{}T{:02}:{:02}", fmt_day(self.anchor), h, min);
        Some(Found { start_tok: i, end_tok: j, strip: s, value, kind: "time" })
    }
}

/// The times annotator. Build it once and share it between threads.
#[derive(Debug, Default)]
pub struct TimeAnnotator {}

struct Shared {
    lx: Lexicon,
    hijri: Hijri,
}

fn shared() -> &'static Shared {
    static S: OnceLock<Shared> = OnceLock::new();
    S.get_or_init(|| Shared {
        lx: Lexicon::build(),
        hijri: Hijri::from_tsv(include_str!("../../../data/time/umm_al_qura.tsv")),
    })
}

impl TimeAnnotator {
    pub fn new() -> Self {
        shared();
        TimeAnnotator {}
    }

    /// All time expressions of `doc` (does not modify it).
    pub fn find(&self, doc: &Doc) -> Vec<Time> {
        let n = doc.tokens.len();
        let mut ctx = Ctx::new(doc, shared());
        let mut out: Vec<Time> = Vec::new();
        let mut ranges = doc.sentence_token_ranges();
        if ranges.is_empty() {
            ranges.push(0..n);
        }
        for std::ops::Range { start: lo, end: hi } in ranges {
            ctx.lo = lo;
            ctx.hi = hi.min(n);
            let mut i = lo;
            let mut last_year_end = usize::MAX;
            // (tokens with no first-token kind begin no pattern: visit the others only)
            let mut next = ctx.starts.partition_point(|&s| (s as usize) < lo);
            loop {
                while next < ctx.starts.len() && (ctx.starts[next] as usize) < i {
                    next += 1;
                }
                match ctx.starts.get(next) {
                    Some(&s) if (s as usize) < ctx.hi => i = s as usize,
                    _ => break,
                }
                let kinds = ctx.start_kinds(i);
                let after_year = last_year_end != usize::MAX
                    && (i == last_year_end
                        || (i == last_year_end + 1
                            && (ctx.connector(last_year_end, Role::And) || ctx.connector(last_year_end, Role::To))));
                let mut year_hit = false;
                // the first pattern that matches, trying only those that may begin here
                let may = |pattern: u16| kinds & pattern != 0;
                let found = may(start::WEEKDAY_PATTERN)
                    .then(|| ctx.weekday(i))
                    .flatten()
                    .or_else(|| may(start::NUMERIC_DATE_PATTERN).then(|| ctx.numeric_date(i)).flatten())
                    .or_else(|| may(start::DAY_MONTH_PATTERN).then(|| ctx.day_month(i)).flatten())
                    .or_else(|| may(start::MONTH_PATTERN).then(|| ctx.month(i)).flatten())
                    .or_else(|| {
                        let f = may(start::YEAR_PATTERN).then(|| ctx.year(i, after_year)).flatten();
                        year_hit = f.is_some();
                        f
                    })
                    .or_else(|| may(start::CLOCK_PATTERN).then(|| ctx.clock(i)).flatten())
                    .or_else(|| may(start::CALENDAR_UNIT_PATTERN).then(|| ctx.calendar_unit(i)).flatten())
                    .or_else(|| may(start::RELATIVE_PATTERN).then(|| ctx.relative(i)).flatten())
                    .or_else(|| may(start::SEASON_PATTERN).then(|| ctx.season(i)).flatten())
                    .or_else(|| may(start::DURATION_PATTERN).then(|| ctx.duration(i)).flatten());
                match found {
                    Some(f) if f.end_tok > f.start_tok => {
                        if year_hit {
                            last_year_end = f.end_tok;
                        }
                        let first = &doc.tokens[f.start_tok];
                        let mut start = first.start as usize;
                        if f.strip > 0 {
                            // Skip the proclitic letters (and their marks) in the original text.
                            let text = doc.tokens.text(doc.text(), f.start_tok);
                            let mut letters = 0;
                            let mut skip = 0;
                            for c in text.chars() {
                                if marsad_text::chars::is_arabic_letter(c) {
                                    if letters == f.strip as usize {
                                        break;
                                    }
                                    letters += 1;
                                }
                                skip += 1;
                            }
                            if skip < text.chars().count() {
                                start += skip;
                            }
                        }
                        let end = doc.tokens[f.end_tok - 1].end as usize;
                        let span = doc.span(start, end);
                        out.push(Time { start: span.start, end: span.end, text: span.text, value: f.value, kind: Some(f.kind.to_string()) });
                        i = f.end_tok;
                    }
                    _ => i += 1,
                }
            }
        }
        out
    }
}

impl Annotator for TimeAnnotator {
    fn name(&self) -> &'static str {
        "times"
    }

    fn annotate(&self, doc: &mut Doc) {
        let times = self.find(doc);
        doc.times = times;
    }
}

fn is_duration(v: &str) -> bool {
    v.starts_with('P') && v != "PRESENT_REF"
}

/// The date (TIMEX3 value) that governs the clause at code-point span
/// `start..end` of `doc`: the time expression of its clause or sentence, if
/// any, as found by this layer. `None` means "no explicit time": callers use
/// the article date (`doc.date`) instead.
///
/// Prefers the nearest date-valued expression in the same clause (clauses are
/// separated by commas and semicolons), then the nearest in the sentence.
/// Durations are never returned; `PRESENT_REF` maps to the article date.
pub fn date_for(doc: &Doc, start: usize, end: usize) -> Option<String> {
    let s = doc.sentence_at(start).or_else(|| doc.sentence_at(end.saturating_sub(1)))?;
    let sent = doc.sentences[s];
    let toks = doc.sentence_tokens(s);
    // Clause boundary positions (code points) inside the sentence.
    let mut bounds: Vec<usize> = Vec::new();
    for i in toks {
        if doc.tokens[i].kind == TokenKind::Punct && matches!(doc.tokens.norm(i), "," | ";") {
            bounds.push(doc.tokens[i].start as usize);
        }
    }
    let clause = |p: usize| bounds.partition_point(|&b| b < p);
    let target = clause(start);
    let mut best: Option<(u8, usize, &Time)> = None;
    for t in &doc.times {
        if t.start < sent.start || t.end > sent.end || is_duration(&t.value) {
            continue;
        }
        let present = t.value == "PRESENT_REF";
        let same = clause(t.start) == target || (t.start < end && start < t.end);
        let rank = match (same, present) {
            (true, false) => 0,
            (false, false) => 1,
            (true, true) => 2,
            (false, true) => 3,
        };
        let dist = start.saturating_sub(t.end).max(t.start.saturating_sub(end));
        if best.is_none_or(|(r, d, _)| (rank, dist) < (r, d)) {
            best = Some((rank, dist, t));
        }
    }
    let (_, _, t) = best?;
    if t.value == "PRESENT_REF" {
        return parse_date(&doc.date).map(fmt_day);
    }
    Some(t.value.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(text: &str, date: &str) -> Vec<(String, String)> {
        let mut doc = Doc::new(text, date);
        TimeAnnotator::new().annotate(&mut doc);
        doc.times.iter().map(|t| (t.text.clone(), t.value.clone())).collect()
    }

    /// A pattern is never skipped where it matches: on texts full of time expressions, every
    /// pattern is tried at every token, and matches only where its first-token kinds are present.
    #[test]
    fn patterns_match_only_where_their_first_kinds_are() {
        let texts = [
            "انطلقت اليوم السبت الجولة الأولى، وأكدت واشنطن الخميس تشكيل مجموعات منذ ثلاثة أشهر وخلال عامين.",
            "في 7 تشرين الأول/ أكتوبر 2023 وفي الثامن من أكتوبر، و١٥ رمضان ١٤٤٥ هـ، ومن 5 إلى 7 أكتوبر الماضي.",
            "الساعة 10:30 صباحا يوم الثلاثاء المقبل، هذا الأسبوع، العام الماضي، في الخريف، صيف 2023، أمس الجمعة، الآن.",
            "منذ سنوات عدة، بين 2014 و2017، سنة 1445 هـ، 15/02/2024 و2023-11-05، مطلع العام، حتى نهاية الشهر، عام 2014.",
        ];
        let sh = shared();
        let (mut matched, mut skipped) = (0, 0);
        for text in texts {
            let doc = Doc::new(text, "2024-01-27");
            let mut ctx = Ctx::new(&doc, sh);
            for s in 0..doc.sentences.len() {
                let r = doc.sentence_tokens(s);
                (ctx.lo, ctx.hi) = (r.start, r.end);
                for i in r {
                    let kinds = ctx.start_kinds(i);
                    let results = [
                        (start::WEEKDAY_PATTERN, ctx.weekday(i).is_some()),
                        (start::NUMERIC_DATE_PATTERN, ctx.numeric_date(i).is_some()),
                        (start::DAY_MONTH_PATTERN, ctx.day_month(i).is_some()),
                        (start::MONTH_PATTERN, ctx.month(i).is_some()),
                        (start::YEAR_PATTERN, ctx.year(i, false).is_some() || ctx.year(i, true).is_some()),
                        (start::CLOCK_PATTERN, ctx.clock(i).is_some()),
                        (start::CALENDAR_UNIT_PATTERN, ctx.calendar_unit(i).is_some()),
                        (start::RELATIVE_PATTERN, ctx.relative(i).is_some()),
                        (start::SEASON_PATTERN, ctx.season(i).is_some()),
                        (start::DURATION_PATTERN, ctx.duration(i).is_some()),
                    ];
                    for (k, (pattern, found)) in results.into_iter().enumerate() {
                        if found {
                            matched += 1;
                            assert!(kinds & pattern != 0, "pattern {k} at {}", doc.tokens.norm(i));
                        } else if kinds & pattern == 0 {
                            skipped += 1;
                        }
                    }
                }
            }
        }
        assert!(matched > 20 && skipped > 100, "{matched} {skipped}");
    }

    #[test]
    fn seed_like_sentences() {
        let t = times("انطلقت اليوم السبت الجولة الأولى، وأكدت واشنطن الخميس تشكيل مجموعات.", "2024-01-27");
        assert_eq!(t, vec![("اليوم السبت".into(), "2024-01-27".into()), ("الخميس".into(), "2024-01-25".into())]);
        let t = times("الهجوم في 7 تشرين الأول/ أكتوبر 2023، والذي أدى", "2024-01-27");
        assert_eq!(t, vec![("7 تشرين الأول/ أكتوبر 2023".into(), "2023-10-07".into())]);
    }

    #[test]
    fn a_weekday_after_a_future_verb_is_ahead() {
        // 2024-01-27 is a Saturday; سيعقد starts like a future verb (future_prefixes.tsv)
        let ahead = times("سيعقد الوزير اجتماعا الخميس.", "2024-01-27");
        let behind = times("عقد الوزير اجتماعا الخميس.", "2024-01-27");
        assert_eq!(ahead, vec![("الخميس".into(), "2024-02-01".into())]);
        assert_eq!(behind, vec![("الخميس".into(), "2024-01-25".into())]);
        assert!(shared().lx.future_prefixes.iter().all(|p| *p == normalize_str(p) && p.chars().count() == 2));
    }

    #[test]
    fn month_of_a_relative_year() {
        let t = times("توقف التصدير منذ آذار من العام الماضي، ويستأنف في يناير من العام المقبل أو مايو من هذا العام.", "2024-06-12");
        assert_eq!(
            t,
            vec![
                ("آذار من العام الماضي".into(), "2023-03".into()),
                ("يناير من العام المقبل".into(), "2025-01".into()),
                ("مايو من هذا العام".into(), "2024-05".into())
            ]
        );
        let t = times("وصل الوفد أمس الأول إلى الرباط.", "2024-06-12");
        assert_eq!(t, vec![("أمس الأول".into(), "2024-06-10".into())]);
    }

    #[test]
    fn numeric_dates_day_first_or_year_first() {
        let t = times("صدر المرسوم بتاريخ 2024/02/15 ونشر الحكم في ١٥/٠٢/٢٠٢٤ وأغلق المعبر 2023-11-05 ثم 5.3.2022.", "2024-03-16");
        let values: Vec<&str> = t.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(values, ["2024-02-15", "2024-02-15", "2023-11-05", "2022-03-05"]);
        assert_eq!(t[1].0, "١٥/٠٢/٢٠٢٤");
        // not dates: impossible days, scores, fractions, spaced numbers, longer digit runs
        for text in ["في 2024/02/30 فقط", "فاز الفريق 3-1 أمس", "نسبة 1/2 من السكان", "الرقم 12 / 05 / 2024 هنا", "الهاتف 2024-02-15-77"] {
            assert!(times(text, "2024-03-16").iter().all(|x| !x.1.starts_with("2024-02") && !x.1.starts_with("2024-05")), "{text}: {:?}", times(text, "2024-03-16"));
        }
    }

    #[test]
    fn spans_are_exact_and_no_panic_on_bad_dates() {
        for date in ["", "2024-13-45", "abc", "2024-02-30"] {
            let text = "وصل الوفد أمس وبالأمس الأول من يناير ٥ رمضان";
            let mut doc = Doc::new(text, date);
            TimeAnnotator::new().annotate(&mut doc);
            for t in &doc.times {
                let s: String = text.chars().skip(t.start).take(t.end - t.start).collect();
                assert_eq!(s, t.text);
            }
            assert!(!doc.times.is_empty());
        }
    }

    #[test]
    fn date_for_prefers_clause() {
        let text = "واستهدفت ضربات مواقع هذا الأسبوع، بعد أن تبنى الحشد الهجمات. وقال البنتاجون إن الولايات المتحدة شنت هجمات يوم الثلاثاء.";
        let mut doc = Doc::new(text, "2024-01-27");
        TimeAnnotator::new().annotate(&mut doc);
        let pos = |w: &str| text.find(w).map(|b| text[..b].chars().count()).unwrap();
        let p = pos("استهدفت");
        assert_eq!(date_for(&doc, p, p + 7).as_deref(), Some("2024-W04"));
        let p = pos("شنت");
        assert_eq!(date_for(&doc, p, p + 3).as_deref(), Some("2024-01-23"));
        let p = pos("تبنى");
        assert_eq!(date_for(&doc, p, p + 4).as_deref(), Some("2024-W04"));
    }

    /// The one-probe look-up answers as stripping the proclitics letter by letter does: for every
    /// key alone and after one or two proclitics (and a few other letters), and for words that are
    /// no time words.
    #[test]
    fn lookup_agrees_with_stripping_letter_by_letter() {
        fn stripping<'a>(lx: &'a Lexicon, norm: &str) -> Option<(&'a [Entry], u8)> {
            let mut rest = norm;
            let mut strip = 0u8;
            loop {
                if let Some(e) = lx.map.get(rest) {
                    return Some((e, strip));
                }
                let mut it = rest.chars();
                match it.next() {
                    Some(c) if strip < 2 && PROCLITICS.contains(&c) && it.as_str().chars().nth(1).is_some() => {
                        rest = it.as_str();
                        strip += 1;
                    }
                    _ => return None,
                }
            }
        }
        let lx = &shared().lx;
        let mut words: Vec<String> = Vec::new();
        for key in lx.map.keys() {
            for p in ["", "و", "ف", "ب", "ل", "وب", "فل", "لل", "ول", "وبال", "م", "سي"] {
                words.push(format!("{p}{key}"));
                words.push(format!("{p}{key}ه"));
            }
        }
        words.extend(["", "و", "ب", "-", "م", "وم", "كتاب", "والكتاب", "مدرسة", "قال", "ه"].map(String::from));
        let mut found = 0;
        for w in &words {
            let read = |entries: &[Entry], strip: u8| (strip, entries.iter().map(|e| (e.kind, e.rest.clone())).collect::<Vec<_>>());
            let fast = lookup(lx, w).map(|(h, kinds)| {
                assert_eq!(kinds, h.entries.iter().fold(0, |m, e| m | e.kind.start_bit()), "{w}");
                read(h.entries, h.strip)
            });
            let slow = stripping(lx, w).map(|(entries, strip)| read(entries, strip));
            assert_eq!(fast, slow, "{w}");
            found += usize::from(fast.is_some());
        }
        assert!(found > lx.map.len(), "{found}");
        // the shape pre-filter never turns a form away
        for (form, _) in lx.forms.iter() {
            assert!(lx.shapes.may_contain(form), "{form}");
        }
    }
}
