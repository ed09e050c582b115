//! Property tests: no input panics, and every span the text layer hands out
//! is a valid code-point span whose text equals the input slice.

use marsad_text::*;
use proptest::prelude::*;

/// Strings mixing Arabic letters, diacritics, tatweel, controls, emoji,
/// digits of three scripts, quotation marks, Latin, punctuation, URLs and newlines.
fn messy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "و", "ب", "ال", "ل", "ك", "ف", "س", "ة", "ى", "ي", "أ", "إ", "آ", "ٱ", "ء", "ئ", "ؤ", "ه", "هم", "ها", "بغداد", "العراق",
            "\u{064B}", "\u{064E}", "\u{0651}", "\u{0670}", "\u{0640}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{200F}", "\u{202B}", "\u{FEFF}",
            "\u{00AD}", "\u{FEFB}", "\u{FE8E}", "\u{FDF2}", "😀", "👍🏽", "🇮🇶", "\u{FE0F}", "1", "٢", "۳", ".", ",", "٫", "٬", "،", "؛", "؟", "%", "٪",
            "\"", "'", "“", "”", "«", "»", "‹", "›", "A", "z", "U.S.", "http://x.y/", "www.", "#", "@", "_", " ", "\n", "\r\n", "\t",
            "\u{0301}", "\u{1F3FB}", "د.", "…", "!", "-", "(", ")", "\u{0}", "\u{FFFD}", "ـ", "في المئة",
        ])
        .prop_map(String::from),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn char_slice(chars: &[char], a: usize, b: usize) -> String {
    chars[a..b].iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn tokens_are_exact_spans(text in messy()) {
        let chars: Vec<char> = text.chars().collect();
        let t = tokenize(&text);
        let mut prev_end = 0usize;
        for i in 0..t.len() {
            let tok = t[i];
            prop_assert!(tok.start < tok.end, "empty token");
            prop_assert!(tok.start as usize >= prev_end, "overlap");
            prop_assert!(tok.end as usize <= chars.len());
            prev_end = tok.end as usize;
            prop_assert!(text.is_char_boundary(tok.byte_start as usize) && text.is_char_boundary(tok.byte_end as usize));
            prop_assert_eq!(t.text(&text, i), char_slice(&chars, tok.start as usize, tok.end as usize));
            // The tokeniser's fast normalisation path agrees with normalize_str.
            prop_assert_eq!(t.norm(i), normalize_str(t.text(&text, i)));
        }
        // Every non-space, non-control character is inside some token.
        let covered: usize = t.iter().map(|x| (x.end - x.start) as usize).sum();
        prop_assert!(covered <= chars.len());
    }

    #[test]
    fn sentences_are_exact_ordered_spans(text in messy()) {
        let chars: Vec<char> = text.chars().collect();
        let t = tokenize(&text);
        let s = split_sentences(&text, &t);
        let mut prev = 0usize;
        for r in &s {
            prop_assert!(r.start < r.end && r.end <= chars.len() && r.start >= prev);
            prev = r.end;
        }
        if !t.is_empty() {
            prop_assert_eq!(s.first().unwrap().start, t[0].start as usize);
            prop_assert_eq!(s.last().unwrap().end, t[t.len() - 1].end as usize);
        }
    }

    #[test]
    fn segments_tile_each_word(text in messy()) {
        let t = tokenize(&text);
        for i in 0..t.len() {
            let w = t.text(&text, i);
            let seg = segment_word(w);
            let n = w.chars().count() as u32;
            prop_assert!(!seg.segments.is_empty());
            prop_assert_eq!(seg.segments[0].start, 0);
            prop_assert_eq!(seg.segments.last().unwrap().end, n);
            for pair in seg.segments.windows(2) {
                prop_assert_eq!(pair[0].end, pair[1].start);
            }
            for s in &seg.segments {
                prop_assert!(s.start <= s.end && s.end <= n);
            }
            prop_assert_eq!(seg.segments.iter().filter(|s| s.kind == SegmentKind::Stem).count(), 1);
            let _ = segment_normalized_word(t.norm(i));
        }
        // Arbitrary strings straight into the segmenter, too.
        let seg = segment_word(&text);
        prop_assert_eq!(seg.segments.last().map(|s| s.end).unwrap_or(0), text.chars().count() as u32);
    }

    #[test]
    fn normalised_spans_map_into_the_original(text in messy(), a in 0usize..80, b in 0usize..80) {
        let n = Normalized::new(&text);
        let len = text.chars().count();
        prop_assert_eq!(n.original_len(), len);
        let (lo, hi) = (a.min(b), a.max(b));
        let (s, e) = n.to_original(lo, hi);
        prop_assert!(s <= e && e <= len);
        for i in 0..n.len() {
            let (s, e) = n.to_original(i, i + 1);
            prop_assert!(s < e && e <= len);
            prop_assert!(n.origin_of(i) == s);
        }
        // the normalised text equals normalize_str
        prop_assert_eq!(n.as_str(), normalize_str(&text));
    }

    #[test]
    fn numbers_never_panic(text in messy()) {
        let t = tokenize(&text);
        for n in find_numbers(&text, &t) {
            prop_assert!(n.tokens.start < n.tokens.end && n.tokens.end <= t.len());
            prop_assert!(!n.value.is_nan() && n.value >= 0.0);
        }
        for i in 0..t.len() {
            let _ = parse_number_token(t.text(&text, i));
        }
    }

    #[test]
    fn offset_map_round_trips(text in messy()) {
        let m = OffsetMap::new(&text);
        for (ci, (b, _)) in text.char_indices().enumerate() {
            prop_assert_eq!(m.byte(ci), b);
            prop_assert_eq!(m.char(b), ci);
        }
        prop_assert_eq!(m.char_len(), text.chars().count());
    }
}
