//! The compact JSON of an [`Analysis`], written by hand.
//!
//! `serde_json::to_writer` was the largest cost of `marsad analyze` after the
//! analysis itself: it goes through the generic `Serializer` machinery for
//! every field and escapes strings by looking up every byte in a table. This
//! writer produces the **same bytes** (field names, order, skipped fields,
//! escaping, number formats) straight into a `Vec<u8>`:
//!
//! * keys and punctuation are written as one constant slice per field;
//! * strings are copied whole: sixteen bytes at a time are checked for the
//!   only bytes JSON must escape (`"`, `\` and control characters below
//!   U+0020); Arabic text never has them, so a span's text is one copy;
//! * integers are formatted with a small digit loop, floats (the rare event
//!   counts) are left to serde_json so they stay exactly as serde writes them.
//!
//! The layout mirrors the serde attributes in `marsad-doc`; the property
//! test below compares this writer with `serde_json::to_string` on generated
//! analyses, so a field added or renamed there fails the test until it is
//! added here too.

use marsad_doc::{ActorRef, ActorSpan, Analysis, Count, Counts, Entity, Event, Quote, QuoteKind, Sentence, Span, Speaker, Time, TokenOut};

/// Append the compact JSON of `a` (no newline), byte-identical to
/// `serde_json::to_writer(out, a)`.
pub fn write_compact(out: &mut Vec<u8>, a: &Analysis) {
    out.extend_from_slice(b"{\"schema\":");
    string(out, &a.schema);
    out.extend_from_slice(b",\"id\":");
    opt_string(out, &a.id);
    out.extend_from_slice(b",\"date\":");
    string(out, &a.date);
    // `meta` is flattened into the analysis; its fields are skipped when absent.
    skip_none(out, b",\"title\":", &a.meta.title);
    skip_none(out, b",\"url\":", &a.meta.url);
    skip_none(out, b",\"source\":", &a.meta.source);
    skip_none(out, b",\"offsets\":", &a.offsets);
    skip_none(out, b",\"text\":", &a.text);
    out.extend_from_slice(b",\"sentences\":");
    array(out, &a.sentences, sentence);
    out.extend_from_slice(b",\"entities\":");
    array(out, &a.entities, entity);
    out.extend_from_slice(b",\"times\":");
    array(out, &a.times, time);
    out.extend_from_slice(b",\"quotes\":");
    array(out, &a.quotes, quote);
    out.extend_from_slice(b",\"events\":");
    array(out, &a.events, event);
    out.extend_from_slice(b",\"actors\":");
    array(out, &a.actors, actor_ref);
    if let Some(tokens) = &a.tokens {
        out.extend_from_slice(b",\"tokens\":");
        array(out, tokens, token);
    }
    if !a.warnings.is_empty() {
        out.extend_from_slice(b",\"warnings\":");
        array(out, &a.warnings, |out, w| string(out, w));
    }
    out.push(b'}');
}

fn array<T>(out: &mut Vec<u8>, items: &[T], mut item: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item(out, x);
    }
    out.push(b']');
}

/// `"start":…,"end":…,"text":…` after the opening brace, shared by every span-like type.
fn span_fields(out: &mut Vec<u8>, start: usize, end: usize, text: &str) {
    out.extend_from_slice(b"{\"start\":");
    uint(out, start as u64);
    out.extend_from_slice(b",\"end\":");
    uint(out, end as u64);
    out.extend_from_slice(b",\"text\":");
    string(out, text);
}

fn sentence(out: &mut Vec<u8>, s: &Sentence) {
    out.extend_from_slice(b"{\"start\":");
    uint(out, s.start as u64);
    out.extend_from_slice(b",\"end\":");
    uint(out, s.end as u64);
    out.push(b'}');
}

fn span(out: &mut Vec<u8>, s: &Span) {
    span_fields(out, s.start, s.end, &s.text);
    out.push(b'}');
}

fn actor_span(out: &mut Vec<u8>, s: &ActorSpan) {
    span_fields(out, s.start, s.end, &s.text);
    out.extend_from_slice(b",\"actor\":");
    opt_string(out, &s.actor);
    skip_none(out, b",\"country\":", &s.country);
    skip_none(out, b",\"sector\":", &s.sector);
    out.push(b'}');
}

fn opt_actor_span(out: &mut Vec<u8>, s: &Option<ActorSpan>) {
    match s {
        Some(s) => actor_span(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

fn entity(out: &mut Vec<u8>, e: &Entity) {
    span_fields(out, e.start, e.end, &e.text);
    // Type names are ASCII capitals: nothing to escape.
    out.extend_from_slice(b",\"type\":\"");
    out.extend_from_slice(e.entity_type.as_str().as_bytes());
    out.push(b'"');
    out.extend_from_slice(b",\"actor\":");
    opt_string(out, &e.actor);
    skip_none(out, b",\"country\":", &e.country);
    skip_none(out, b",\"sector\":", &e.sector);
    skip_none(out, b",\"source\":", &e.source);
    out.push(b'}');
}

fn time(out: &mut Vec<u8>, t: &Time) {
    span_fields(out, t.start, t.end, &t.text);
    out.extend_from_slice(b",\"value\":");
    string(out, &t.value);
    skip_none(out, b",\"kind\":", &t.kind);
    out.push(b'}');
}

fn speaker(out: &mut Vec<u8>, s: &Speaker) {
    span_fields(out, s.start, s.end, &s.text);
    out.extend_from_slice(b",\"actor\":");
    opt_string(out, &s.actor);
    if s.anonymous {
        out.extend_from_slice(b",\"anonymous\":true");
    }
    skip_none(out, b",\"affiliation\":", &s.affiliation);
    out.push(b'}');
}

fn quote(out: &mut Vec<u8>, q: &Quote) {
    out.extend_from_slice(match q.kind {
        QuoteKind::Direct => b"{\"kind\":\"direct\"".as_slice(),
        QuoteKind::Indirect => b"{\"kind\":\"indirect\"",
        QuoteKind::Mixed => b"{\"kind\":\"mixed\"",
    });
    out.extend_from_slice(b",\"cue\":");
    span(out, &q.cue);
    out.extend_from_slice(b",\"speaker\":");
    match &q.speaker {
        Some(s) => speaker(out, s),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"content\":");
    span(out, &q.content);
    skip_none(out, b",\"date\":", &q.date);
    if q.denial {
        out.extend_from_slice(b",\"denial\":true");
    }
    if let Some(via) = &q.via {
        out.extend_from_slice(b",\"via\":");
        actor_span(out, via);
    }
    out.push(b'}');
}

fn count(out: &mut Vec<u8>, key: &[u8], c: &Option<Count>, first: &mut bool) {
    let Some(c) = c else { return };
    if !*first {
        out.push(b',');
    }
    *first = false;
    out.extend_from_slice(key);
    out.extend_from_slice(b"{\"value\":");
    // serde_json's own float format (ryu, `null` for NaN and infinities); counts are rare.
    serde_json::to_writer(&mut *out, &c.value).expect("writing to memory cannot fail");
    if c.approx {
        out.extend_from_slice(b",\"approx\":true");
    }
    out.push(b'}');
}

fn counts(out: &mut Vec<u8>, c: &Counts) {
    out.push(b'{');
    let mut first = true;
    count(out, b"\"killed\":", &c.killed, &mut first);
    count(out, b"\"injured\":", &c.injured, &mut first);
    count(out, b"\"arrested\":", &c.arrested, &mut first);
    count(out, b"\"displaced\":", &c.displaced, &mut first);
    out.push(b'}');
}

fn event(out: &mut Vec<u8>, e: &Event) {
    out.extend_from_slice(b"{\"type\":");
    string(out, &e.event_type);
    out.extend_from_slice(b",\"mode\":");
    opt_string(out, &e.mode);
    out.extend_from_slice(b",\"trigger\":");
    span(out, &e.trigger);
    out.extend_from_slice(b",\"source\":");
    opt_actor_span(out, &e.source);
    out.extend_from_slice(b",\"target\":");
    opt_actor_span(out, &e.target);
    out.extend_from_slice(b",\"date\":");
    opt_string(out, &e.date);
    out.extend_from_slice(b",\"location\":");
    opt_actor_span(out, &e.location);
    out.extend_from_slice(if e.negated { b",\"negated\":true".as_slice() } else { b",\"negated\":false" });
    out.extend_from_slice(if e.hypothetical { b",\"hypothetical\":true".as_slice() } else { b",\"hypothetical\":false" });
    out.extend_from_slice(b",\"counts\":");
    counts(out, &e.counts);
    if let Some(s) = &e.sentence {
        out.extend_from_slice(b",\"sentence\":");
        sentence(out, s);
    }
    out.push(b'}');
}

fn actor_ref(out: &mut Vec<u8>, a: &ActorRef) {
    out.extend_from_slice(b"{\"id\":");
    string(out, &a.id);
    out.extend_from_slice(b",\"name\":");
    string(out, &a.name);
    out.extend_from_slice(b",\"type\":");
    string(out, &a.actor_type);
    skip_none(out, b",\"name_en\":", &a.name_en);
    skip_none(out, b",\"country\":", &a.country);
    skip_none(out, b",\"sector\":", &a.sector);
    skip_none(out, b",\"wikidata\":", &a.wikidata);
    out.push(b'}');
}

fn token(out: &mut Vec<u8>, t: &TokenOut) {
    span_fields(out, t.start, t.end, &t.text);
    out.extend_from_slice(b",\"kind\":");
    string(out, &t.kind);
    out.extend_from_slice(b",\"norm\":");
    string(out, &t.norm);
    skip_none(out, b",\"segments\":", &t.segments);
    out.push(b'}');
}

/// `key` and the string when present; nothing when absent (`skip_serializing_if = "Option::is_none"`).
fn skip_none(out: &mut Vec<u8>, key: &[u8], value: &Option<String>) {
    if let Some(v) = value {
        out.extend_from_slice(key);
        string(out, v);
    }
}

fn opt_string(out: &mut Vec<u8>, value: &Option<String>) {
    match value {
        Some(v) => string(out, v),
        None => out.extend_from_slice(b"null"),
    }
}

/// A decimal integer, as serde_json (itoa) writes it. The digits are put
/// at the start of a fixed-size buffer that is appended whole (a couple of
/// vector moves, no call to copy a few bytes), and the unused tail is cut
/// off again.
fn uint(out: &mut Vec<u8>, mut n: u64) {
    let len = n.checked_ilog10().map_or(1, |l| l as usize + 1);
    let mut digits = [b'0'; 20];
    for d in digits[..len].iter_mut().rev() {
        *d = b'0' + (n % 10) as u8;
        n /= 10;
    }
    let end = out.len() + len;
    out.extend_from_slice(&digits);
    out.truncate(end);
}

/// A JSON string literal, escaped exactly as serde_json escapes it: `"` and
/// `\` with a backslash, the control characters with a short escape where JSON
/// has one (`\b \t \n \f \r`) and `\u00xx` (lowercase hex) otherwise; every
/// other character, DEL and non-ASCII included, as it is.
pub fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut rest = bytes;
    // Nearly every string is one run, copied at once.
    while let Some(i) = first_byte_to_escape(rest) {
        out.extend_from_slice(&rest[..i]);
        escape(out, rest[i]);
        rest = &rest[i + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// True for the bytes a JSON string cannot hold as they are.
#[inline]
fn needs_escape(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\')
}

/// Bytes tested at once by [`block_needs_escape`].
const BLOCK: usize = 16;

/// True when one of the bytes of `block` [`needs_escape`]. Folds without
/// early exit over a fixed-size block, one per kind of byte, which the
/// compiler turns into a few vector compares (one SSE2 register) and one
/// test instead of a loop.
#[inline]
fn block_needs_escape(block: &[u8; BLOCK]) -> bool {
    let (mut control, mut quote, mut backslash) = (false, false, false);
    for &b in block {
        control |= b < 0x20;
        quote |= b == b'"';
        backslash |= b == b'\\';
    }
    control | quote | backslash
}

/// The position of the first byte of `bytes` that [`needs_escape`] (where a
/// JSON string literal's plain run ends: its closing quote, an escape, or a
/// raw control character the literal may not hold). Whole blocks are tested
/// at once; the remainder byte by byte.
fn first_byte_to_escape(bytes: &[u8]) -> Option<usize> {
    let mut blocks = bytes.chunks_exact(BLOCK);
    let mut at = 0;
    for block in &mut blocks {
        if block_needs_escape(block.try_into().expect("a block-sized slice")) {
            return block.iter().position(|&b| needs_escape(b)).map(|i| at + i);
        }
        at += BLOCK;
    }
    // (the remainder byte by byte: copied into a padded block, its bytes
    // would be stored one size and loaded another, which stalls the load)
    blocks.remainder().iter().position(|&b| needs_escape(b)).map(|i| at + i)
}

fn escape(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match b {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        0x08 => out.extend_from_slice(b"\\b"),
        b'\t' => out.extend_from_slice(b"\\t"),
        b'\n' => out.extend_from_slice(b"\\n"),
        0x0C => out.extend_from_slice(b"\\f"),
        b'\r' => out.extend_from_slice(b"\\r"),
        _ => out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(b >> 4) as usize], HEX[(b & 0xF) as usize]]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_doc::{EntityType, Meta};
    use proptest::prelude::*;

    fn serde_string(s: &str) -> Vec<u8> {
        serde_json::to_vec(s).unwrap()
    }

    #[test]
    fn every_single_byte_character_is_escaped_like_serde() {
        for c in (0u8..0x80).map(char::from).chain(['\u{80}', '\u{9F}', '\u{627}', '\u{2028}', '\u{FEFF}', '\u{1F600}']) {
            let s = format!("ab{c}cdefghij{c}{c}");
            let mut out = Vec::new();
            string(&mut out, &s);
            assert_eq!(out, serde_string(&s), "{c:?}");
        }
    }

    #[test]
    fn the_block_test_agrees_with_the_byte_test() {
        // Each length up to three blocks, each position and each byte value,
        // among neighbours that need no escape and neighbours that do.
        for fill in [b'a', 0xD8, 0x80, 0xFF, 0x21, 0x1F] {
            for len in 1..=3 * BLOCK {
                for pos in [0, len / 2, len - 1] {
                    for b in 0..=255u8 {
                        let mut bytes = vec![fill; len];
                        bytes[pos] = b;
                        let expected = bytes.iter().position(|&x| needs_escape(x));
                        assert_eq!(first_byte_to_escape(&bytes), expected, "{bytes:?}");
                    }
                }
            }
        }
        assert_eq!(first_byte_to_escape(b""), None);
        assert_eq!(first_byte_to_escape(&[b'a'; 40]), None);
    }

    #[test]
    fn integers() {
        for n in [0u64, 1, 7, 9, 10, 11, 99, 100, 999, 1000, 12345, u32::MAX as u64, 10u64.pow(19) - 1, 10u64.pow(19), u64::MAX] {
            let mut out = Vec::new();
            uint(&mut out, n);
            assert_eq!(out, n.to_string().into_bytes());
        }
    }

    /// Strings with every kind of character: ASCII with all the control
    /// characters, quote and backslash, DEL, Arabic, other BMP and astral
    /// characters; long enough to cross several eight-byte words.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[\\x00-\\x7f]{0,30}",
            "[\u{0600}-\u{06FF} \"\\\\\n\t]{0,30}",
            "(?s).{0,30}",
            "[a\u{0627}\u{1F600}\u{0001}\u{001F}\u{007F}\u{0080}\u{2028}\"\\\\]{0,40}",
        ]
    }

    fn opt_text() -> impl Strategy<Value = Option<String>> {
        prop::option::of(text())
    }

    fn pos() -> impl Strategy<Value = usize> {
        prop_oneof![0usize..2000, any::<usize>()]
    }

    fn span_s() -> impl Strategy<Value = Span> {
        (pos(), pos(), text()).prop_map(|(start, end, text)| Span { start, end, text })
    }

    fn actor_span_s() -> impl Strategy<Value = ActorSpan> {
        (pos(), pos(), text(), opt_text(), opt_text(), opt_text())
            .prop_map(|(start, end, text, actor, country, sector)| ActorSpan { start, end, text, actor, country, sector })
    }

    fn sentence_s() -> impl Strategy<Value = Sentence> {
        (pos(), pos()).prop_map(|(start, end)| Sentence { start, end })
    }

    fn entity_s() -> impl Strategy<Value = Entity> {
        let ty = prop::sample::select(vec![EntityType::PER, EntityType::ORG, EntityType::GPE, EntityType::LOC, EntityType::FAC, EntityType::MISC]);
        (pos(), pos(), text(), ty, opt_text(), opt_text(), opt_text(), opt_text()).prop_map(
            |(start, end, text, entity_type, actor, country, sector, source)| Entity { start, end, text, entity_type, actor, country, sector, source },
        )
    }

    fn time_s() -> impl Strategy<Value = Time> {
        (pos(), pos(), text(), text(), opt_text()).prop_map(|(start, end, text, value, kind)| Time { start, end, text, value, kind })
    }

    fn speaker_s() -> impl Strategy<Value = Speaker> {
        (pos(), pos(), text(), opt_text(), any::<bool>(), opt_text())
            .prop_map(|(start, end, text, actor, anonymous, affiliation)| Speaker { start, end, text, actor, anonymous, affiliation })
    }

    fn quote_s() -> impl Strategy<Value = Quote> {
        let kind = prop::sample::select(vec![QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed]);
        (kind, span_s(), prop::option::of(speaker_s()), span_s(), opt_text(), any::<bool>(), prop::option::of(actor_span_s())).prop_map(
            |(kind, cue, speaker, content, date, denial, via)| Quote { kind, cue, speaker, content, date, denial, via },
        )
    }

    fn count_s() -> impl Strategy<Value = Option<Count>> {
        let value = prop_oneof![(0u32..100_000).prop_map(f64::from), any::<f64>(), Just(f64::NAN), Just(f64::INFINITY), Just(-0.0)];
        prop::option::of((value, any::<bool>()).prop_map(|(value, approx)| Count { value, approx }))
    }

    fn event_s() -> impl Strategy<Value = Event> {
        let counts = (count_s(), count_s(), count_s(), count_s())
            .prop_map(|(killed, injured, arrested, displaced)| Counts { killed, injured, arrested, displaced });
        (
            (text(), opt_text(), span_s(), prop::option::of(actor_span_s()), prop::option::of(actor_span_s())),
            (opt_text(), prop::option::of(actor_span_s()), any::<bool>(), any::<bool>(), counts, prop::option::of(sentence_s())),
        )
            .prop_map(|((event_type, mode, trigger, source, target), (date, location, negated, hypothetical, counts, sentence))| Event {
                event_type,
                mode,
                trigger,
                source,
                target,
                date,
                location,
                negated,
                hypothetical,
                counts,
                sentence,
            })
    }

    fn actor_ref_s() -> impl Strategy<Value = ActorRef> {
        (text(), text(), text(), opt_text(), opt_text(), opt_text(), opt_text()).prop_map(
            |(id, name, actor_type, name_en, country, sector, wikidata)| ActorRef { id, name, actor_type, name_en, country, sector, wikidata },
        )
    }

    fn token_s() -> impl Strategy<Value = TokenOut> {
        (pos(), pos(), text(), text(), text(), opt_text())
            .prop_map(|(start, end, text, kind, norm, segments)| TokenOut { start, end, text, kind, norm, segments })
    }

    fn analysis_s() -> impl Strategy<Value = Analysis> {
        let meta = (opt_text(), opt_text(), opt_text()).prop_map(|(title, url, source)| Meta { title, url, source });
        let v = |n: usize| 0..n;
        (
            (text(), opt_text(), text(), meta, opt_text(), opt_text()),
            (
                prop::collection::vec(sentence_s(), v(4)),
                prop::collection::vec(entity_s(), v(4)),
                prop::collection::vec(time_s(), v(3)),
                prop::collection::vec(quote_s(), v(3)),
                prop::collection::vec(event_s(), v(3)),
                prop::collection::vec(actor_ref_s(), v(3)),
                prop::option::of(prop::collection::vec(token_s(), v(3))),
                prop::collection::vec(text(), v(3)),
            ),
        )
            .prop_map(
                |((schema, id, date, meta, offsets, text), (sentences, entities, times, quotes, events, actors, tokens, warnings))| Analysis {
                    schema,
                    id,
                    date,
                    meta,
                    offsets,
                    text,
                    sentences,
                    entities,
                    times,
                    quotes,
                    events,
                    actors,
                    tokens,
                    warnings,
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, .. ProptestConfig::default() })]

        #[test]
        fn strings_are_written_like_serde(s in text()) {
            let mut out = Vec::new();
            string(&mut out, &s);
            prop_assert_eq!(out, serde_string(&s));
        }

        #[test]
        fn analyses_are_written_like_serde(a in analysis_s()) {
            let mut out = Vec::new();
            write_compact(&mut out, &a);
            let expected = serde_json::to_string(&a).unwrap();
            prop_assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }
}
