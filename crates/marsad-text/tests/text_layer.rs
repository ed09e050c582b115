//! Behaviour of the text layer on real Arabic news sentences (the seed
//! article in ../shared/eval/dev and the ANT news corpus).

use marsad_text::*;

fn kinds(text: &str) -> Vec<(String, TokenKind)> {
    let t = tokenize(text);
    (0..t.len()).map(|i| (t.text(text, i).to_string(), t[i].kind)).collect()
}

fn seg(w: &str) -> String {
    segment_word(w).to_plus_string()
}

// ---------------------------------------------------------------- normalisation

#[test]
fn normalisation_folds_each_variant() {
    // diacritics incl. shadda and dagger alef, tatweel, alef forms, ى, ة
    assert_eq!(normalize_str("الشَّيْخُ"), "الشيخ");
    assert_eq!(normalize_str("هٰذا"), "هذا");
    assert_eq!(normalize_str("العـــراق"), "العراق");
    assert_eq!(normalize_str("أكد إنهاء آلاف ٱلله"), "اكد انهاء الاف الله");
    assert_eq!(normalize_str("إلى مستشفى"), "الي مستشفي");
    assert_eq!(normalize_str("الحكومة"), "الحكومه");
    // digits: Arabic-Indic and Persian
    assert_eq!(normalize_str("٢٠٢٤ و۱۴۰۲"), "2024 و1402");
    // Arabic punctuation
    assert_eq!(normalize_str("قال، ثم؛ لماذا؟ ٥٠٪"), "قال, ثم; لماذا? 50%");
    // quotation marks of every kind
    assert_eq!(normalize_str("«نعم» “لا” ‹ما›"), "\"نعم\" \"لا\" \"ما\"");
    // bidi and zero-width controls
    assert_eq!(normalize_str("\u{200F}بغداد\u{200E}\u{200B}"), "بغداد");
    // presentation forms: lam-alef ligature, isolated and final forms
    assert_eq!(normalize_str("\u{FEFB}\u{FE8E}"), "لاا");
    assert_eq!(normalize_str("\u{FEE3}\u{FEA4}\u{FEE4}\u{FEAA}"), "محمد");
    // Latin case and keheh
    assert_eq!(normalize_str("ISIS ک"), "isis ك");
}

#[test]
fn normalised_spans_map_back_to_the_original() {
    let text = "وأكّدت الحكـومة العراقيّة ﻻ";
    let n = Normalized::new(text);
    assert_eq!(n.as_str(), "واكدت الحكومه العراقيه لا");
    let chars: Vec<char> = text.chars().collect();
    let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    // "الحكومه" in the normalised text → "الحكـومة" in the original
    let s = n.as_str().chars().position(|c| c == 'ا').unwrap(); // first alef: in واكدت
    assert_eq!(s, 1);
    let (a, b) = n.to_original(0, 5);
    assert_eq!(slice(a, b), "وأكّدت");
    let norm_chars: Vec<char> = n.as_str().chars().collect();
    let start = 6;
    assert_eq!(norm_chars[start..start + 7].iter().collect::<String>(), "الحكومه");
    let (a, b) = n.to_original(start, start + 7);
    assert_eq!(slice(a, b), "الحكـومة");
    // both normalised letters of the ligature map to the one original character
    let l = n.len();
    let (a, b) = n.to_original(l - 2, l);
    assert_eq!(slice(a, b), "ﻻ");
    assert_eq!(n.original_len(), chars.len());
}

// ---------------------------------------------------------------- tokens

#[test]
fn token_kinds_on_news_text() {
    let text = "وحصدت الأغنية \" #غلطانة\" حوالي 110 ملايين مشاهدة على @rotana_music https://www.youtube.com/watch?v=x1. The Voice 😀👍🏽 ١٢٣ 2٫5 70% ٥٠٪ U.S. €";
    let k = kinds(text);
    let find = |s: &str| k.iter().find(|(t, _)| t == s).map(|(_, k)| *k);
    assert_eq!(find("وحصدت"), Some(TokenKind::Word));
    assert_eq!(find("\""), Some(TokenKind::Quote));
    assert_eq!(find("#غلطانة"), Some(TokenKind::Hashtag));
    assert_eq!(find("110"), Some(TokenKind::Number));
    assert_eq!(find("@rotana_music"), Some(TokenKind::Mention));
    assert_eq!(find("https://www.youtube.com/watch?v=x1"), Some(TokenKind::Url));
    assert_eq!(find("."), Some(TokenKind::Punct));
    assert_eq!(find("Voice"), Some(TokenKind::Latin));
    assert_eq!(find("😀"), Some(TokenKind::Emoji));
    assert_eq!(find("👍🏽"), Some(TokenKind::Emoji));
    assert_eq!(find("١٢٣"), Some(TokenKind::Number));
    assert_eq!(find("2٫5"), Some(TokenKind::Number));
    assert_eq!(find("70%"), Some(TokenKind::Number));
    assert_eq!(find("٥٠٪"), Some(TokenKind::Number));
    assert_eq!(find("U.S."), Some(TokenKind::Latin));
    assert_eq!(find("€"), Some(TokenKind::Symbol));
}

#[test]
fn words_keep_diacritics_and_tatweel_and_norm_is_folded() {
    let text = "ونشر المكتبُ الإعلاميّ صورةً للاجتمـاع، «الأول».";
    let t = tokenize(text);
    let words: Vec<&str> = (0..t.len()).map(|i| t.text(text, i)).collect();
    assert_eq!(words, ["ونشر", "المكتبُ", "الإعلاميّ", "صورةً", "للاجتمـاع", "،", "«", "الأول", "»", "."]);
    assert_eq!(t.norm(2), "الاعلامي");
    assert_eq!(t.norm(4), "للاجتماع");
    assert_eq!(t.norm(5), ",");
    assert_eq!(t.norm(6), "\"");
    assert_eq!(t[5].kind, TokenKind::Punct);
    assert_eq!(t[6].kind, TokenKind::Quote);
}

#[test]
fn numbers_keep_separators_only_between_digits() {
    let text = "عام 2014، وأتى نحو 1,6 مليون زائر و20.00 ساعة.";
    let t = tokenize(text);
    let nums: Vec<&str> = (0..t.len()).filter(|&i| t[i].kind == TokenKind::Number).map(|i| t.text(text, i)).collect();
    assert_eq!(nums, ["2014", "1,6", "20.00"]);
}

// ---------------------------------------------------------------- sentences

fn sentences(text: &str) -> Vec<String> {
    let t = tokenize(text);
    let chars: Vec<char> = text.chars().collect();
    split_sentences(text, &t).into_iter().map(|r| chars[r].iter().collect()).collect()
}

#[test]
fn sentence_splitting_respects_quotes_numbers_and_abbreviations() {
    // A full stop inside a quotation does not end the reporting sentence.
    let s = sentences("كما ذكرت \"سوني بيكتشرز\" في بيان: \"يكافح الاثنان في هوليوود. ثم ينتصران\". وقال آخر إن الفيلم جيد.");
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(s[0].ends_with("ينتصران\"."));
    // Guillemets
    let s = sentences("وقال الوزير «لن نتراجع. أبداً». وانتهى الاجتماع.");
    assert_eq!(s.len(), 2, "{s:?}");
    // Decimal numbers and abbreviations
    let s = sentences("أتى نحو 1.6 مليون زائر. والتقى د. محمد شياع السوداني وفد U.S. الرسمي في بغداد.");
    assert_eq!(s, ["أتى نحو 1.6 مليون زائر.", "والتقى د. محمد شياع السوداني وفد U.S. الرسمي في بغداد."]);
    // Arabic question mark, exclamation and line breaks
    let s = sentences("هل تنسحب القوات؟ لا أحد يعرف!\nبغداد – انطلقت اليوم الجولة الأولى");
    assert_eq!(s.len(), 3, "{s:?}");
    assert_eq!(s[2], "بغداد – انطلقت اليوم الجولة الأولى");
}

#[test]
fn sentence_splitting_eras_lists_brackets_ellipses() {
    let s = sentences("ولد عام 1950م. وتوفي عام 2020م. وقال مراسل أ.ف.ب إن الوضع هادئ.");
    assert_eq!(s, ["ولد عام 1950م.", "وتوفي عام 2020م.", "وقال مراسل أ.ف.ب إن الوضع هادئ."]);
    let s = sentences("1. البند الأول. 2. البند الثاني.");
    assert_eq!(s, ["1. البند الأول.", "2. البند الثاني."]);
    let s = sentences("وقال الرئيس (في بيان. رسمي) إن... الأمر انتهى؟! نعم.");
    assert_eq!(s, ["وقال الرئيس (في بيان. رسمي) إن... الأمر انتهى؟!", "نعم."]);
    // an unclosed bracket does not glue a whole paragraph together
    let long = "كلمة ".repeat(70);
    let text = format!("بدأ (الاجتماع {long}. ثم انتهى.");
    assert_eq!(sentences(&text).len(), 2);
}

#[test]
fn sentence_spans_are_exact_on_the_seed_article() {
    let text = include_str!("../../../examples/seed.txt");
    let t = tokenize(text);
    let chars: Vec<char> = text.chars().collect();
    let s = split_sentences(text, &t);
    assert!(s.len() > 10);
    for r in &s {
        let piece: String = chars[r.clone()].iter().collect();
        assert_eq!(piece.trim(), piece);
        assert!(!piece.is_empty());
    }
}

// ---------------------------------------------------------------- clitics

#[test]
fn clitics_split_and_stems_stay_whole() {
    assert_eq!(seg("بغداد"), "بغداد");
    assert_eq!(seg("وبالعراق"), "و+ب+ال+عراق");
    assert_eq!(seg("فلسطين"), "فلسطين");
    assert_eq!(seg("والي"), "والي");
    assert_eq!(seg("كتائب"), "كتائب");
    assert_eq!(seg("لبنان"), "لبنان");
    assert_eq!(seg("وزير"), "وزير");
    assert_eq!(seg("وبغداد"), "و+بغداد");
    assert_eq!(seg("والولايات"), "و+ال+ولايات");
    assert_eq!(seg("لتنظيم"), "ل+تنظيم");
    assert_eq!(seg("وأكدت"), "و+اكدت");
    assert_eq!(seg("أجهزتها"), "اجهزت+ها");
    assert_eq!(seg("أراضيها"), "اراضي+ها");
    assert_eq!(seg("فالسلطات"), "ف+ال+سلطات");
    assert_eq!(seg("سيتم"), "س+يتم");
    assert_eq!(seg("لها"), "ل+ها");
    assert_eq!(seg("عليهم"), "علي+هم");
    assert_eq!(seg("الحكومة"), "ال+حكومه");
    assert_eq!(seg("حكومة"), "حكومه");
}

#[test]
fn lil_is_preposition_plus_article() {
    let s = segment_word("للعراق");
    assert_eq!(s.to_plus_string(), "ل+ال+عراق");
    let kinds: Vec<SegmentKind> = s.segments.iter().map(|x| x.kind).collect();
    assert_eq!(kinds, [SegmentKind::Proclitic, SegmentKind::Article, SegmentKind::Stem]);
    // the article is written as the second ل
    assert_eq!((s.segments[1].start, s.segments[1].end), (1, 2));
    assert_eq!(s.segments[1].form, "ال");
}

#[test]
fn segment_offsets_cover_the_original_word_with_diacritics() {
    let w = "وَبِالعِرَاقِ";
    let s = segment_word(w);
    assert_eq!(s.to_plus_string(), "و+ب+ال+عراق");
    let chars: Vec<char> = w.chars().collect();
    let texts: Vec<String> = s.segments.iter().map(|x| chars[x.start as usize..x.end as usize].iter().collect()).collect();
    assert_eq!(texts, ["وَ", "بِ", "ال", "عِرَاقِ"]);
    assert_eq!(s.stem().unwrap().form, "عراق");
    assert_eq!(s.after_proclitics(), 4);
    // tatweel and a pronoun
    let w = "حكومتـه";
    let s = segment_word(w);
    assert_eq!(s.to_plus_string(), "حكومت+ه");
    assert_eq!(s.segments.last().unwrap().end as usize, w.chars().count());
}

#[test]
fn segmenting_the_normalised_form() {
    assert_eq!(segment_normalized_word("وبالعراق").to_plus_string(), "و+ب+ال+عراق");
    assert_eq!(segment_normalized_word("بغداد").to_plus_string(), "بغداد");
}

// ---------------------------------------------------------------- numbers

fn numbers(text: &str) -> Vec<(String, f64, bool, bool)> {
    let t = tokenize(text);
    find_numbers(text, &t)
        .into_iter()
        .map(|n| {
            let a = t[n.tokens.start].byte_start as usize;
            let b = t[n.tokens.end - 1].byte_end as usize;
            (text[a..b].to_string(), n.value, n.approx, n.percent)
        })
        .collect()
}

#[test]
fn number_words_and_approximations() {
    let n = numbers("أصيب نحو 70 أميركيا ومقتل ثلاثة جنود وعشرات الجرحى.");
    assert_eq!(n[0], ("نحو 70".to_string(), 70.0, true, false));
    assert_eq!(n[1], ("ثلاثة".to_string(), 3.0, false, false));
    assert_eq!(n[2], ("وعشرات".to_string(), 10.0, true, false));
    let n = numbers("ارتفعت الأسعار 15 في المئة و٥٫٥٪ وبلغ عدد الزوار 1,6 مليون وأكثر من 450 مليون مشاهدة و3 آلاف جندي وخمسة آلاف.");
    assert_eq!(n[0], ("15 في المئة".to_string(), 15.0, false, true));
    assert_eq!(n[1], ("٥٫٥٪".to_string(), 5.5, false, true));
    assert_eq!(n[2], ("1,6 مليون".to_string(), 1_600_000.0, false, false));
    assert_eq!(n[3], ("وأكثر من 450 مليون".to_string(), 450_000_000.0, true, false));
    assert_eq!(n[4], ("3 آلاف".to_string(), 3000.0, false, false));
    assert_eq!(n[5], ("وخمسة آلاف".to_string(), 5000.0, false, false));
    let n = numbers("قتل مئات المدنيين وألف جندي و1,500 شخص.");
    assert_eq!(n[0].1, 100.0);
    assert!(n[0].2);
    assert_eq!(n[1].1, 1000.0);
    assert_eq!(n[2].1, 1500.0);
}

#[test]
fn number_tokens_parse_in_every_script() {
    assert_eq!(parse_number_token("١٢٣"), Some(123.0));
    assert_eq!(parse_number_token("۱۴۰۲"), Some(1402.0));
    assert_eq!(parse_number_token("2٫5"), Some(2.5));
    assert_eq!(parse_number_token("1,500"), Some(1500.0));
    assert_eq!(parse_number_token("1,6"), Some(1.6));
    assert_eq!(parse_number_token("70%"), Some(70.0));
    assert_eq!(parse_number_token("abc"), None);
    assert_eq!(parse_number_token("%70"), Some(70.0));
    let n = numbers("ارتفعت بنسبة %70 و٪٥");
    assert_eq!((n[0].0.as_str(), n[0].1, n[0].3), ("%70", 70.0, true));
    assert_eq!((n[1].0.as_str(), n[1].1, n[1].3), ("٪٥", 5.0, true));
}

#[test]
fn vague_plural_multipliers() {
    let n = numbers("تظاهر آلاف المحتجين وعشرات الآلاف في المدن وخمسة آلاف جندي وثلاثمائة شرطي.");
    assert_eq!((n[0].1, n[0].2), (1000.0, true));
    assert_eq!((n[1].1, n[1].2), (10_000.0, true));
    assert_eq!((n[2].1, n[2].2), (5000.0, false));
    assert_eq!((n[3].1, n[3].2), (300.0, false));
}

#[test]
fn segment_cache_gives_the_same_answers_and_stays_bounded() {
    let mut cache = marsad_text::SegmentCache::new(3);
    let words = ["وبالعراق", "للعراق", "بغداد", "وَبِالعِرَاقِ", "وبالعراق", "كتائب", "والي"];
    for w in words.iter().cycle().take(30) {
        assert_eq!(cache.segment(w), &marsad_text::segment_word(w), "{w}");
    }
}
