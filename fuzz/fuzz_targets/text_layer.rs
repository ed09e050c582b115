//! The text layer on arbitrary text: no panic, and every span is exact.
#![no_main]
use libfuzzer_sys::fuzz_target;
use marsad_text::*;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let chars: Vec<char> = text.chars().collect();
    let norm = Normalized::new(text);
    assert_eq!(norm.original_len(), chars.len());
    for i in 0..norm.len() {
        let (s, e) = norm.to_original(i, i + 1);
        assert!(s < e && e <= chars.len());
    }
    let t = tokenize(text);
    for i in 0..t.len() {
        let tok = t[i];
        assert!(tok.start < tok.end && tok.end as usize <= chars.len());
        let by_chars: String = chars[tok.start as usize..tok.end as usize].iter().collect();
        assert_eq!(t.text(text, i), by_chars);
        let w = t.text(text, i);
        let seg = segment_word(w);
        assert_eq!(seg.segments.last().map(|s| s.end), Some(w.chars().count() as u32));
        let _ = segment_normalized_word(t.norm(i));
    }
    for r in split_sentences(text, &t) {
        assert!(r.start < r.end && r.end <= chars.len());
    }
    let _ = find_numbers(text, &t);
});
