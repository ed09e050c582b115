//! Random text made of time words, numbers, punctuation and noise: the layer
//! must never panic, spans must slice the original text exactly, and values
//! must be well-formed.

use marsad_doc::{Annotator, Doc};
use marsad_times::{date_for, TimeAnnotator};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "في", "يوم", "اليوم", "أمس", "أول", "الأول", "من", "7", "١٥", "31", "2023", "١٤٤٥", "هـ", "عام", "سنة",
    "تشرين", "الثاني", "كانون", "أكتوبر", "جانفي", "ماي", "رمضان", "ذو", "الحجة", "/", "(", ")", "،", ".",
    "الماضي", "المقبل", "هذا", "الأسبوع", "الشهر", "العام", "الخريف", "الساعة", ":", "30", "مساء", "صباح",
    "الخميس", "السبت", "منذ", "سنوات", "عدة", "أشهر", "ستة", "الآن", "و", "بين", "سيعقد", "\u{64b}", "ـ",
    "x", "٠", "99999", "0", "00", "\n", "\"", "بالأمس", "وللعام",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.join(" "))
}

fn anchor() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("2024-01-27".to_string()),
        Just("2024-02-29".to_string()),
        Just("2023-12-31".to_string()),
        Just("0001-01-01".to_string()),
        Just("9999-12-31".to_string()),
        Just("not a date".to_string()),
        Just(String::new()),
    ]
}

fn well_formed(v: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    v == "PRESENT_REF"
        || (v.starts_with('P') && v.len() >= 3)
        || (v.len() >= 4 && digits(&v[..4]))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn never_panics_and_spans_are_exact(t in text(), date in anchor()) {
        let mut doc = Doc::new(t.clone(), date);
        TimeAnnotator::new().annotate(&mut doc);
        for x in &doc.times {
            let s: String = t.chars().skip(x.start).take(x.end - x.start).collect();
            prop_assert_eq!(&s, &x.text);
            prop_assert!(x.start < x.end);
            prop_assert!(well_formed(&x.value), "bad value {}", x.value);
        }
        for w in doc.times.windows(2) {
            prop_assert!(w[0].end <= w[1].start);
        }
        let n = doc.char_len();
        for s in [0, n / 2, n] {
            let _ = date_for(&doc, s, n);
        }
    }
}
