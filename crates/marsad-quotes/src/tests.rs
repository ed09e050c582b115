use super::*;

fn run(text: &str) -> Doc {
    let mut doc = Doc::new(text, "2024-01-27");
    QuoteAnnotator::new().annotate(&mut doc);
    // offsets are sacred: every span slices the input
    let chars: Vec<char> = text.chars().collect();
    for q in &doc.quotes {
        let s: String = chars[q.content.start..q.content.end].iter().collect();
        assert_eq!(s, q.content.text);
        let c: String = chars[q.cue.start..q.cue.end].iter().collect();
        assert_eq!(c, q.cue.text);
        if let Some(sp) = &q.speaker {
            let t: String = chars[sp.start..sp.end].iter().collect();
            assert_eq!(t, sp.text);
        }
    }
    doc
}

fn speaker(q: &Quote) -> &str {
    q.speaker.as_ref().map(|s| s.text.as_str()).unwrap_or("")
}

#[test]
fn indirect_after_inna() {
    let d = run("وقال وزير الخارجية الأردني أيمن الصفدي إن المنطقة تقف على حافة حرب شاملة.");
    assert_eq!(d.quotes.len(), 1);
    let q = &d.quotes[0];
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.cue.text, "وقال");
    assert_eq!(speaker(q), "وزير الخارجية الأردني أيمن الصفدي");
    assert_eq!(q.content.text, "المنطقة تقف على حافة حرب شاملة");
    assert_eq!(q.date.as_deref(), Some("2024-01-27"));
}

#[test]
fn speaker_after_guillemets() {
    let d = run("«لن نتراجع عن مطالبنا مهما كلف الأمر»، قال رئيس النقابة للصحفيين.");
    assert_eq!(d.quotes.len(), 1);
    let q = &d.quotes[0];
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.content.text, "لن نتراجع عن مطالبنا مهما كلف الأمر");
    assert_eq!(speaker(q), "رئيس النقابة");
}

#[test]
fn implicit_subject_reuses_earlier_mention() {
    let d = run("وقالت وزارة الصحة إن عدد المصابين ارتفع إلى مئة. وأضافت أن المستشفيات تعاني نقصا في الأدوية.");
    assert_eq!(d.quotes.len(), 2);
    let (a, b) = (&d.quotes[0], &d.quotes[1]);
    assert_eq!(speaker(a), "وزارة الصحة");
    let (sa, sb) = (a.speaker.as_ref().unwrap(), b.speaker.as_ref().unwrap());
    assert_eq!((sa.start, sa.end), (sb.start, sb.end));
    assert_eq!(b.content.text, "المستشفيات تعاني نقصا في الأدوية");
}

#[test]
fn participle_ends_previous_content() {
    let d = run("وأكد المتحدث أن القوات انسحبت من المدينة، مضيفا أن \"المعركة لم تنته بعد\".");
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(d.quotes[0].content.text, "القوات انسحبت من المدينة");
    assert_eq!(d.quotes[1].kind, QuoteKind::Direct);
    assert_eq!(d.quotes[1].content.text, "المعركة لم تنته بعد");
    assert_eq!(speaker(&d.quotes[1]), "المتحدث");
}

#[test]
fn relay_keeps_outlet_as_via() {
    let d = run("ونقلت وكالة رويترز عن مسؤول أمني عراقي قوله إن الهجوم استهدف قاعدة عين الأسد.");
    assert_eq!(d.quotes.len(), 1);
    let q = &d.quotes[0];
    let s = q.speaker.as_ref().unwrap();
    assert_eq!(s.text, "مسؤول أمني عراقي");
    assert!(s.anonymous);
    assert_eq!(s.affiliation.as_deref(), Some("أمني"));
    assert_eq!(q.via.as_ref().map(|v| v.text.as_str()), Some("وكالة رويترز"));
    assert_eq!(q.content.text, "الهجوم استهدف قاعدة عين الأسد");
}

#[test]
fn denial_is_flagged() {
    let d = run("ونفت الحكومة أن تكون قد تلقت أي عرض رسمي.");
    assert_eq!(d.quotes.len(), 1);
    assert!(d.quotes[0].denial);
    let d = run("وأكدت الحكومة أن العرض قيد الدراسة.");
    assert!(!d.quotes[0].denial);
}

#[test]
fn according_to_before_and_after() {
    let d = run("وبحسب المرصد السوري لحقوق الإنسان، فإن القصف أوقع عشرة قتلى.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].content.text, "القصف أوقع عشرة قتلى");
    assert!(speaker(&d.quotes[0]).starts_with("المرصد السوري"));
    let d = run("وأصيب خمسة أشخاص في الانفجار، وفقا لمصادر طبية.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].content.text, "وأصيب خمسة أشخاص في الانفجار");
    assert_eq!(speaker(&d.quotes[0]), "مصادر طبية");
    assert!(d.quotes[0].speaker.as_ref().unwrap().anonymous);
}

#[test]
fn anonymous_source_with_affiliation_phrase() {
    let d = run("وقال مصدر في وزارة الداخلية إن التحقيقات مستمرة.");
    let s = d.quotes[0].speaker.as_ref().unwrap();
    assert_eq!(s.text, "مصدر في وزارة الداخلية");
    assert!(s.anonymous);
    assert_eq!(s.affiliation.as_deref(), Some("وزارة الداخلية"));
}

#[test]
fn quote_across_paragraphs_and_mixed() {
    let d = run("وقال الرئيس في خطابه: \u{201C}نحن صامدون.\n\nولن نستسلم أبدا\u{201D}.\nوأوضح الوزير أن الاتفاق \"تاريخي بكل المقاييس\" ويفتح صفحة جديدة.");
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(d.quotes[0].kind, QuoteKind::Direct);
    assert_eq!(d.quotes[0].content.text, "نحن صامدون.\n\nولن نستسلم أبدا");
    assert_eq!(d.quotes[1].kind, QuoteKind::Mixed);
    assert_eq!(speaker(&d.quotes[1]), "الوزير");
}

#[test]
fn media_with_quoted_name_and_svo() {
    let d = run("وأكدت صحيفة \"نيويورك تايمز\" أن المفاوضات متعثرة. لكن بيان الجيش أكد أن العملية مستمرة.");
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(speaker(&d.quotes[0]), "صحيفة \"نيويورك تايمز\"");
    assert_eq!(speaker(&d.quotes[1]), "بيان الجيش");
}

#[test]
fn no_quote_without_content_marker() {
    let d = run("وأعلن الجيش السيطرة على المدينة بعد معارك عنيفة. ووصل الوفد إلى القاهرة.");
    assert!(d.quotes.is_empty());
    // a cue inside a quotation is part of the quoted words
    let d = run("وكتب الناشط: \"قال لي الجندي إن الطريق مغلق\".");
    assert_eq!(d.quotes.len(), 1);
}

#[test]
fn no_panic_on_malformed_input() {
    for t in [
        "",
        "\"",
        "قال",
        "وقال إن",
        "«««»»» قال: \" ' \u{201D} \u{201C}",
        "وقال الوزير: \"لم يكتمل",
        "بحسب",
        "على لسان",
        "ونقلت عن",
        "،،، مضيفا أن \"\" قائلا: ",
    ] {
        run(t);
    }
}

#[test]
fn verb_then_participle_then_colon() {
    let d = run("وقال الوزير إن الخطة جاهزة. وتابع قائلا: \"سنبدأ التنفيذ الشهر المقبل\".");
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(d.quotes[1].content.text, "سنبدأ التنفيذ الشهر المقبل");
    assert_eq!(speaker(&d.quotes[1]), "الوزير");
}

#[test]
fn according_to_what_x_said() {
    let d = run("وتم إجلاء مئات العائلات من المنطقة، بحسب ما ذكرته وكالة الأنباء الرسمية.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].cue.text, "بحسب ما");
    assert_eq!(speaker(&d.quotes[0]), "وكالة الأنباء الرسمية");
    assert_eq!(d.quotes[0].content.text, "وتم إجلاء مئات العائلات من المنطقة");
}

#[test]
fn same_source_is_not_a_new_anonymous_source() {
    let d = run("وقال المصدر ذاته إن الاجتماع تأجل.");
    let s = d.quotes[0].speaker.as_ref().unwrap();
    assert_eq!(s.text, "المصدر ذاته");
    assert!(!s.anonymous);
}

#[test]
fn lil_without_subject_is_not_a_speaker() {
    let d = run("وقال الطبيب إن حالته حرجة. وأضاف لـ\"الشرق\" أن العملية نجحت.");
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(speaker(&d.quotes[1]), "الطبيب");
}

#[test]
fn according_before_a_verb_cue_leaves_the_quote_to_the_verb() {
    let d = run("وحسب وكالة الأنباء الرسمية، قال الرئيس إن المحادثات كانت مثمرة.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].cue.text, "قال");
    assert_eq!(speaker(&d.quotes[0]), "الرئيس");
    // a pronoun subject before the verb is the previous speaker
    let d = run("وقال الوزير إن الوضع صعب، لكنه أوضح أن الحلول ممكنة.");
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(speaker(&d.quotes[1]), "الوزير");
}

#[test]
fn pluperfect_subject_and_genitive_lil() {
    let d = run("وكانت الوزارة قد أعلنت في بيان أن الامتحانات ستجرى في موعدها.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(speaker(&d.quotes[0]), "الوزارة");
    let d = run("وقال المدير العام للوكالة رافائيل غروسي إن التفتيش مستمر. وقال الوزير للصحفيين إن الاجتماع انتهى.");
    assert_eq!(speaker(&d.quotes[0]), "المدير العام للوكالة رافائيل غروسي");
    assert_eq!(speaker(&d.quotes[1]), "الوزير");
}

#[test]
fn no_panic_and_exact_offsets_on_random_mixtures() {
    // deterministic pseudo-random sequences of cues, names, marks and punctuation
    let pieces = [
        "قال", "وأضاف", "مضيفا", "أن", "إن", "بحسب", "وفقا", "لمصادر", "على", "لسان", "نقلت", "عن", "قوله",
        "الوزير", "مسؤول", "أميركي", "\"", "«", "»", "\u{201C}", "\u{201D}", "'", "،", ".", ":", "\n\n", "وكانت",
        "قد", "أعلنت", "للوكالة", "صحيفة", "ذاته", "المصدر", "لكنه", "ما", "ذكرته", "نفى", "x", "2024", "😀",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..300 {
        let mut text = String::new();
        for _ in 0..(state % 60) as usize {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            text.push(' ');
        }
        let d = run(&text);
        for q in &d.quotes {
            assert!(q.content.start < q.content.end);
        }
    }
}

fn quote_by_cue<'a>(d: &'a Doc, cue: &str) -> &'a Quote {
    d.quotes.iter().find(|q| q.cue.text == cue).unwrap_or_else(|| panic!("no quote with cue {cue}: {:?}", d.quotes))
}

#[test]
fn anonymity_clause_after_forward_speaker() {
    let d = run("وقال مسؤول في وزارة المالية طلب عدم ذكر اسمه إن صرف الرواتب سيتأخر أسبوعين.");
    assert_eq!(d.quotes.len(), 1);
    let q = &d.quotes[0];
    assert!(speaker(q).starts_with("مسؤول في وزارة المالية"), "{}", speaker(q));
    assert!(q.speaker.as_ref().unwrap().anonymous);
    assert_eq!(q.content.text, "صرف الرواتب سيتأخر أسبوعين");
}

#[test]
fn anonymity_clause_before_the_verb_is_skipped() {
    let d = run("لكن دبلوماسيا في البعثة الأوروبية فضل عدم الكشف عن هويته قال لرويترز إن الاجتماع أرجئ إلى موعد لاحق.");
    assert_eq!(d.quotes.len(), 1);
    let q = &d.quotes[0];
    assert_eq!(speaker(q), "دبلوماسيا في البعثة الأوروبية فضل عدم الكشف عن هويته");
    let sp = q.speaker.as_ref().unwrap();
    assert!(sp.anonymous);
    assert_eq!(sp.affiliation.as_deref(), Some("البعثة الأوروبية فضل عدم الكشف عن هويته"));
    assert_eq!(q.content.text, "الاجتماع أرجئ إلى موعد لاحق");
}

#[test]
fn quoted_object_of_an_accusation() {
    let d = run("وكان رئيس الوزراء قد اتهم في مؤتمر صحفي \"جهات معادية للبلاد\" بالتحريض على الفوضى في الجنوب.");
    assert_eq!(d.quotes.len(), 1);
    let q = &d.quotes[0];
    assert_eq!(speaker(q), "رئيس الوزراء");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(q.content.text, "\"جهات معادية للبلاد\" بالتحريض على الفوضى في الجنوب");
}

#[test]
fn accusation_without_quotation_ends_a_clause_and_keeps_the_speaker() {
    let d = run("ونفت الحركة أن تكون قد هاجمت القافلة، واتهمت الحكومة بتلفيق الرواية. وقالت إن مقاتليها لم يقتربوا من الطريق.");
    assert_eq!(d.quotes.len(), 2, "{:?}", d.quotes);
    assert_eq!(d.quotes[0].content.text, "تكون قد هاجمت القافلة");
    assert_eq!(speaker(&d.quotes[1]), "الحركة");
}

#[test]
fn threat_with_bianna_and_time_after_the_verb() {
    let mut doc = Doc::new("وكان قائد الجيش قد هدد أمس بأن قواته \"سترد بقوة\" إذا تكرر الهجوم.", "2024-01-27");
    marsad_times::TimeAnnotator::new().annotate(&mut doc);
    QuoteAnnotator::new().annotate(&mut doc);
    assert_eq!(doc.quotes.len(), 1);
    let q = &doc.quotes[0];
    assert_eq!(speaker(q), "قائد الجيش");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(q.content.text, "قواته \"سترد بقوة\" إذا تكرر الهجوم");
}

#[test]
fn relay_through_a_parenthesis() {
    let d = run("ونقلت وكالة الأنباء الرسمية (واس) عن وزير الطاقة قوله إن الإنتاج سيرتفع في الربع المقبل.");
    assert_eq!(d.quotes.len(), 1);
    let q = &d.quotes[0];
    assert_eq!(speaker(q), "وزير الطاقة");
    assert_eq!(q.content.text, "الإنتاج سيرتفع في الربع المقبل");
    assert_eq!(q.via.as_ref().map(|v| v.text.as_str()), Some("وكالة الأنباء الرسمية"));
}

#[test]
fn according_to_what_an_agency_relayed_from_someone() {
    let d = run("وارتفعت أسعار الخبز بنسبة عشرة في المئة، وفق ما نقلت صحيفة الأهرام عن رئيس الغرفة التجارية.");
    assert_eq!(d.quotes.len(), 1);
    let q = &d.quotes[0];
    assert_eq!(speaker(q), "رئيس الغرفة التجارية");
    assert!(q.content.text.starts_with("وارتفعت أسعار الخبز"));
}

#[test]
fn tally_is_not_a_source() {
    let d = run("وقتل أكثر من مئة شخص منذ بداية المعارك، بحسب تعداد لوكالة رويترز.");
    assert!(d.quotes.is_empty(), "{:?}", d.quotes);
    // a source after the same cue still counts
    let d = run("وقتل أكثر من مئة شخص منذ بداية المعارك، بحسب مصادر طبية.");
    assert_eq!(d.quotes.len(), 1);
}

#[test]
fn relative_clause_cue_takes_the_antecedent() {
    let d = run("وتراجع إنتاج القمح هذا العام، بحسب المنظمة التي تصف الوضع بأنه الأخطر منذ عقد.");
    let q = quote_by_cue(&d, "تصف");
    assert_eq!(speaker(q), "المنظمة");
    assert_eq!(q.content.text, "الأخطر منذ عقد");
}

#[test]
fn statement_noun_stands_for_the_issuer() {
    let d = run("وقالت الوزارة في بيان إن الحريق أخمد بالكامل. وأضاف البيان أن التحقيق جار لمعرفة الأسباب.");
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(speaker(&d.quotes[1]), "الوزارة");
    // no statement was mentioned: the noun stays the speaker
    let d = run("وقال الشاهد إن النار اندلعت ليلا. وأضاف البيان أن التحقيق جار لمعرفة الأسباب.");
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(speaker(&d.quotes[1]), "البيان");
}

#[test]
fn participle_after_a_discourse_phrase_takes_the_new_subject() {
    let d = run("وقال الرئيس إن البلاد مستعدة للحوار. من جهته، تحدث الوزير سالم في مؤتمر صحفي، مشيرا إلى أن الاتفاق سيوقع قريبا.");
    let q = quote_by_cue(&d, "مشيرا");
    assert_eq!(speaker(q), "الوزير سالم");
    assert_eq!(q.content.text, "الاتفاق سيوقع قريبا");
}

#[test]
fn relay_with_an_ordinary_reporting_verb() {
    let d = run("وذكرت الإذاعة الرسمية (إذاعة البلاد) عن وزير الصحة قوله إن حملة التلقيح ستبدأ الأحد.");
    assert_eq!(d.quotes.len(), 1);
    let q = &d.quotes[0];
    assert_eq!(speaker(q), "وزير الصحة");
    assert_eq!(q.via.as_ref().map(|v| v.text.as_str()), Some("الإذاعة الرسمية"));
    assert_eq!(q.content.text, "حملة التلقيح ستبدأ الأحد");
}

#[test]
fn short_quotation_right_after_an_accusation_is_the_object() {
    let d = run("وكان الوزير قد اتهم \"أطرافا خارجية\" بتمويل الاحتجاجات في العاصمة.");
    assert_eq!(d.quotes.len(), 1);
    let q = &d.quotes[0];
    assert_eq!(speaker(q), "الوزير");
    assert_eq!(q.content.text, "\"أطرافا خارجية\" بتمويل الاحتجاجات في العاصمة");
}

#[test]
fn quotation_split_by_the_cue_gives_two_parts() {
    let d = run("«لن نقبل بأي تسوية على حساب شعبنا»، قال الوزير خالد العمري، «وسنواصل الدفاع عن حقوقنا في كل المحافل».");
    assert_eq!(d.quotes.len(), 2, "{:?}", d.quotes);
    assert_eq!(d.quotes[0].content.text, "لن نقبل بأي تسوية على حساب شعبنا");
    assert_eq!(d.quotes[1].content.text, "وسنواصل الدفاع عن حقوقنا في كل المحافل");
    for q in &d.quotes {
        assert_eq!(speaker(q), "الوزير خالد العمري");
        assert_eq!(q.kind, QuoteKind::Direct);
    }
}

#[test]
fn closing_attribution_phrase_is_not_content() {
    let d = run("وقال المدير إن الموسم \"كان الأصعب منذ عقدين\" على حد تعبيره.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].content.text, "الموسم \"كان الأصعب منذ عقدين\"");
    // "بحسب تعبيره" is no "according to" cue
    let d = run("وقال المدير إن الموسم كان الأصعب منذ عقدين، بحسب تعبيره.");
    assert_eq!(d.quotes.len(), 1, "{:?}", d.quotes);
    assert_eq!(speaker(&d.quotes[0]), "المدير");
}

#[test]
fn coordinated_call_keeps_the_clause_subject() {
    let d = run("وأشاد رئيس البرلمان نبيل حداد بالاتفاق، ودعا الحكومة إلى \"تنفيذ بنوده كاملة دون أي تأخير\".");
    assert_eq!(d.quotes.len(), 1, "{:?}", d.quotes);
    let q = &d.quotes[0];
    assert!(speaker(q).starts_with("رئيس البرلمان نبيل حداد"), "{}", speaker(q));
    assert_eq!(q.content.text, "تنفيذ بنوده كاملة دون أي تأخير");
    // sentence-initial: the phrase after the verb is its subject
    let d = run("ودعت منظمة العفو الدولية إلى \"الإفراج فورا عن جميع المعتقلين\".");
    assert_eq!(speaker(&d.quotes[0]), "منظمة العفو الدولية");
}

#[test]
fn promise_with_a_quoted_object() {
    let d = run("ووعد رئيس البلدية بـ\"إعادة فتح كل المدارس قبل نهاية الشهر\" بعد انتهاء أعمال الترميم.");
    assert_eq!(d.quotes.len(), 1, "{:?}", d.quotes);
    let q = &d.quotes[0];
    assert_eq!(speaker(q), "رئيس البلدية");
    assert!(q.content.text.starts_with("\"إعادة فتح كل المدارس"), "{}", q.content.text);
    // "يعد" (is considered) is no cue
    let d = run("ويعد المشروع \"الأكبر من نوعه في المنطقة\" منذ عقود طويلة.");
    assert!(d.quotes.is_empty(), "{:?}", d.quotes);
}

#[test]
fn bi_phrase_after_a_bi_cue_is_no_subject() {
    let d = run("وقال وزير الدفاع إن الجيش مستعد لكل الاحتمالات. وتوعد باتخاذ \"إجراءات حازمة ضد كل من يهدد أمن الحدود\".");
    assert_eq!(d.quotes.len(), 2, "{:?}", d.quotes);
    assert_eq!(speaker(&d.quotes[1]), "وزير الدفاع");
}

#[test]
fn comma_after_a_quoted_object_closes_it() {
    let d = run("وتعهد المحافظ بـ\"إعادة الكهرباء إلى كل الأحياء خلال يومين\"، في ظل موجة حر غير مسبوقة.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].content.text, "إعادة الكهرباء إلى كل الأحياء خلال يومين");
    assert_eq!(d.quotes[0].kind, QuoteKind::Direct);
}

// ---- round 3 ----

#[test]
fn coordinated_inna_gives_a_second_quote() {
    let d = run("وقال المتحدث باسم الشركة إن الإنتاج \"عاد إلى مستواه الطبيعي\"، وإن أعمال الصيانة ستنتهي الشهر المقبل.");
    assert_eq!(d.quotes.len(), 2, "{:?}", d.quotes);
    assert_eq!(d.quotes[0].content.text, "الإنتاج \"عاد إلى مستواه الطبيعي\"");
    assert_eq!(d.quotes[1].content.text, "أعمال الصيانة ستنتهي الشهر المقبل");
    assert_eq!(speaker(&d.quotes[1]), "المتحدث باسم الشركة");
    // a coordinated أن continues the same content
    let d = run("وأكد الوزير أن المفاوضات مستمرة، وأن الطرفين قريبان من اتفاق.");
    assert_eq!(d.quotes.len(), 1);
    assert!(d.quotes[0].content.text.ends_with("قريبان من اتفاق"));
}

#[test]
fn narrator_phrase_after_a_comma_ends_the_content() {
    let d = run("وقال رئيس البعثة إن الوضع الإنساني \"كارثي\"، وذلك في ختام زيارته إلى المخيمات.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].content.text, "الوضع الإنساني \"كارثي\"");
    // وذلك inside the content, not a narrator's setting, stays
    let d = run("وقال الوزير إن الحكومة سترفع الأجور، وذلك لمواجهة الغلاء.");
    assert!(d.quotes[0].content.text.ends_with("لمواجهة الغلاء"));
}

#[test]
fn colon_after_a_long_prepositional_phrase() {
    let d = run("وأضاف الرئيس في مؤتمر صحفي مشترك مع نظيره الفرنسي في ختام محادثاتهما التي استمرت يومين في القصر الرئاسي بالعاصمة: \"لن نقبل بأي تدخل في شؤوننا الداخلية\".");
    assert_eq!(d.quotes.len(), 1, "{:?}", d.quotes);
    assert_eq!(d.quotes[0].kind, QuoteKind::Direct);
    assert_eq!(d.quotes[0].content.text, "لن نقبل بأي تدخل في شؤوننا الداخلية");
    // a complementiser that far from the verb is not its content
    let d = run("وأضاف الرئيس في مؤتمر صحفي مشترك مع نظيره الفرنسي في ختام محادثاتهما التي استمرت يومين في القصر الرئاسي بالعاصمة أن الزيارة ناجحة.");
    assert!(d.quotes.is_empty(), "{:?}", d.quotes);
}

#[test]
fn headline_is_not_a_statement() {
    let d = run("الرئيس يتهم المعارضة بنشر \"أكاذيب لا أساس لها\"\n\nتونس – اتهم الرئيس المعارضة بنشر \"أكاذيب لا أساس لها من الصحة\" خلال خطاب ألقاه أمس.");
    assert_eq!(d.quotes.len(), 1, "{:?}", d.quotes);
    assert!(d.quotes[0].content.text.contains("من الصحة"));
}

#[test]
fn according_to_after_the_lead_clause_is_the_news_not_a_quote() {
    let text = "مقتل عشرة في قصف على سوق\n\nحلب – قتل عشرة مدنيين في قصف استهدف سوقا شعبية، وفق ما أفادت مصادر طبية.\n\nوأصيب عشرون آخرون في القصف ذاته، بحسب الدفاع المدني.";
    let d = run(text);
    assert_eq!(d.quotes.len(), 1, "{:?}", d.quotes);
    assert!(d.quotes[0].content.text.starts_with("وأصيب عشرون"));
}

#[test]
fn conjunction_of_two_words_ends_the_content() {
    let d = run("ونقلت وكالة الأنباء عن مصدر أمني قوله إن الوفد سيصل غدا، في حين ذكرت صحيفة \"الوطن\" أن الزيارة أرجئت.");
    assert_eq!(d.quotes.len(), 2, "{:?}", d.quotes);
    assert_eq!(d.quotes[0].content.text, "الوفد سيصل غدا");
    assert_eq!(speaker(&d.quotes[1]), "صحيفة \"الوطن\"");
    assert_eq!(d.quotes[1].content.text, "الزيارة أرجئت");
}

#[test]
fn dateline_dash_is_not_a_coordinating_comma() {
    let d = run("بيروت – توعدت الحركة بالرد على الغارة، مؤكدة أن \"دماء الشهداء لن تذهب سدى\".");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(speaker(&d.quotes[0]), "الحركة");
}

#[test]
fn member_in_an_organisation_keeps_the_affiliation_and_name() {
    let d = run("وقال القيادي في الحزب سامر الخطيب إن الانتخابات ستجري في موعدها.");
    assert_eq!(speaker(&d.quotes[0]), "القيادي في الحزب سامر الخطيب");
    assert!(!d.quotes[0].speaker.as_ref().unwrap().anonymous);
}

#[test]
fn according_to_with_a_parenthetical_clause_before_fa_inna() {
    let d = run("وبحسب المرصد، الذي يتخذ من لندن مقرا، فإن الاشتباكات أسفرت عن مقتل خمسة.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].content.text, "الاشتباكات أسفرت عن مقتل خمسة");
}

#[test]
fn participle_after_a_dateline_takes_the_subject_of_the_opening_verb() {
    let d = run("الخرطوم – صعّدت الحكومة السودانية لهجتها ضد الوسطاء، مؤكدة أن المبادرة \"ولدت ميتة\".");
    assert_eq!(d.quotes.len(), 1);
    // (without the entity layer the phrase is not cut at the entity's end)
    assert!(speaker(&d.quotes[0]).starts_with("الحكومة السودانية"), "{:?}", d.quotes);
    // a noun after the dateline is no verb: the participle has no subject to take
    let d = run("الخرطوم – الحكومة السودانية صعّدت لهجتها، مؤكدة أن المبادرة \"ولدت ميتة\".");
    assert!(d.quotes.iter().all(|q| speaker(q) != "صعّدت لهجتها"), "{:?}", d.quotes);
}

#[test]
fn statement_issuer_before_qalat_fihi_without_the_verb() {
    let d = run("وأصدرت الوزارة بيانا قالت فيه إن الشحنة ستصل خلال أيام.");
    assert_eq!(d.quotes.len(), 1);
    assert!(speaker(&d.quotes[0]).starts_with("الوزارة"), "{:?}", d.quotes);
}

#[test]
fn unnamed_group_with_a_place_is_one_anonymous_source() {
    let d = run("بينما قال تجار في سوق المدينة إن الأسعار ارتفعت بنحو الثلث.");
    let s = d.quotes[0].speaker.as_ref().unwrap();
    assert_eq!(s.text, "تجار في سوق المدينة");
    assert!(s.anonymous);
}

#[test]
fn according_to_a_statement_issued_by_someone() {
    let d = run("ووفقا لبيان صادر عن لجنة الانتخابات، فإن نسبة المشاركة بلغت أربعين في المئة.");
    assert_eq!(d.quotes.len(), 1);
    assert!(speaker(&d.quotes[0]).starts_with("لجنة الانتخابات"), "{:?}", d.quotes);
    assert_eq!(d.quotes[0].content.text, "نسبة المشاركة بلغت أربعين في المئة");
}

#[test]
fn according_to_what_was_reported_by_someone() {
    let d = run("وبحسب ما أفاد به مراسل القناة، فإن القصف استهدف منازل مدنيين.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(speaker(&d.quotes[0]), "مراسل القناة");
}

#[test]
fn generic_group_head_refers_back_to_the_last_organisation_of_its_kind() {
    let mut doc = Doc::new("هاجم الحوثيون سفينة تجارية في البحر الأحمر. وقالت الجماعة في بيان إن الهجوم جاء ردا على العدوان.", "2024-01-27");
    marsad_entities::EntityAnnotator::new().annotate(&mut doc);
    QuoteAnnotator::new().annotate(&mut doc);
    assert_eq!(doc.quotes.len(), 1);
    let s = doc.quotes[0].speaker.as_ref().unwrap();
    assert_eq!(s.text, "الجماعة");
    assert_eq!(s.actor.as_deref(), Some("houthis"));
    // a news agency is no antecedent for الجماعة
    let mut doc = Doc::new("ونشرت وكالة رويترز تقريرا عن الأزمة. وقالت الجماعة في بيان إن الهجوم جاء ردا على العدوان.", "2024-01-27");
    marsad_entities::EntityAnnotator::new().annotate(&mut doc);
    QuoteAnnotator::new().annotate(&mut doc);
    assert_eq!(doc.quotes[0].speaker.as_ref().and_then(|s| s.actor.as_deref()), None);
}

#[test]
fn it_came_in_a_statement() {
    let d = run("وجاء في بيان للجنة الانتخابات أن النتائج ستعلن غدا.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(speaker(&d.quotes[0]), "بيان للجنة الانتخابات");
    assert_eq!(d.quotes[0].content.text, "النتائج ستعلن غدا");
    // "جاء في المرتبة الأولى" without a content marker is no statement
    let d = run("وجاء في المرتبة الأولى فريق الأهلي.");
    assert!(d.quotes.is_empty());
}

#[test]
fn a_joint_statement_speaks_for_its_issuers() {
    let d = run("وقال بيان مشترك صدر عن الحكومتين إن الجانبين اتفقا على تعزيز التعاون.");
    assert_eq!(speaker(&d.quotes[0]), "الحكومتين");
}

#[test]
fn amma_topic_is_the_speaker_of_the_fa_cue() {
    let d = run("أما رئيس الوفد المفاوض فقال إن الجولة المقبلة ستكون حاسمة.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(speaker(&d.quotes[0]), "رئيس الوفد المفاوض");
    assert_eq!(d.quotes[0].content.text, "الجولة المقبلة ستكون حاسمة");
}

#[test]
fn in_response_to_a_question_is_no_speaker() {
    let d = run("وقال الوزير إن الاتفاق قريب. وقال ردا على سؤال حول الموعد إن الأمر لم يحسم بعد.");
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(speaker(&d.quotes[1]), "الوزير");
}

#[test]
fn participle_as_a_predicate_does_not_end_the_content() {
    let d = run("وقال مسؤول أمني إن الهجوم كان متوقعا منذ أيام.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].content.text, "الهجوم كان متوقعا منذ أيام");
    // after a comma it opens a new clause
    let d = run("وقال مسؤول أمني إن الهجوم فشل، متوقعا أن تتكرر المحاولة.");
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(d.quotes[0].content.text, "الهجوم فشل");
}

#[test]
fn relative_clause_naming_the_speaker_belongs_to_it() {
    let d = run("وذكرت الفصائل التي تعرف باسم \"جبهة التحرير\"، في بيان أن الهجوم استهدف قاعدة عسكرية.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(speaker(&d.quotes[0]), "الفصائل التي تعرف باسم \"جبهة التحرير\"");
}

#[test]
fn the_name_ali_is_not_the_preposition() {
    let d = run("وقال وزير الخارجية علي يوسف إن الحكومة وافقت على فتح المعبر.");
    assert_eq!(speaker(&d.quotes[0]), "وزير الخارجية علي يوسف");
    let d = run("وقال علي حسن إن الحكومة وافقت على فتح المعبر.");
    assert_eq!(speaker(&d.quotes[0]), "علي حسن");
    // the preposition (written with ى) still ends the phrase
    let d = run("وأكد الوزير على أن الحكومة ملتزمة بالاتفاق.");
    assert_eq!(speaker(&d.quotes[0]), "الوزير");
}

// ---- round 4 ----

#[test]
fn impersonal_yudhkar_anna_is_no_quote() {
    let d = run("يذكر أن البرلمان صادق على القانون في جلسة عامة الشهر الماضي.");
    assert!(d.quotes.is_empty());
    let d = run("ويتوقع أن يرتفع عدد الزوار إلى مليون زائر خلال الصيف.");
    assert!(d.quotes.is_empty());
    // with a subject it stays a cue
    let d = run("ويتوقع الخبراء أن يرتفع عدد الزوار إلى مليون زائر خلال الصيف.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(speaker(&d.quotes[0]), "الخبراء");
}

#[test]
fn passive_with_alif_maqsura_is_no_cue() {
    let d = run("وقال صياد يدعى سالم الهاشمي: «البحر هادئ منذ أسبوع».");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].cue.text, "وقال");
    assert_eq!(d.quotes[0].content.text, "البحر هادئ منذ أسبوع");
    // the verb "claims" (written with ي) is still a cue
    let d = run("ويدعي المتهم أنه لم يكن في المدينة يوم الحادث.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(speaker(&d.quotes[0]), "المتهم");
}

#[test]
fn multiword_cue_in_a_relative_clause_is_no_cue() {
    let d = run("وقالت الشركة إنها تتابع ما ورد في الصحف عن تسريح العمال. وأكدت أنها ملتزمة بعقودها.");
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(d.quotes[0].content.text, "تتابع ما ورد في الصحف عن تسريح العمال");
    assert_eq!(speaker(&d.quotes[1]), "الشركة");
}

#[test]
fn coordinated_verb_after_comma_shares_the_clause_subject() {
    let run_e = |t: &str| {
        let mut doc = Doc::new(t, "2024-01-27");
        marsad_entities::EntityAnnotator::new().annotate(&mut doc);
        QuoteAnnotator::new().annotate(&mut doc);
        doc
    };
    let d = run_e("وقالت النقابة إن الإضراب سيستمر. وفي الرباط، اجتمع وزير الخارجية المغربي ناصر بوريطة مع ممثلي العمال، وقال إن الحكومة ستدرس مطالبهم.");
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(d.quotes[1].content.text, "الحكومة ستدرس مطالبهم");
    assert_eq!(speaker(&d.quotes[1]), "وزير الخارجية المغربي ناصر بوريطة");
    // "بعث X برسالة، أكد فيها أن…"
    let d = run_e("وقالت الوزارة إن الحدود مغلقة. وكان الرئيس الفرنسي إيمانويل ماكرون قد وجه رسالة إلى السكان، أكد فيها أن المياه ستعود قريبا.");
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(speaker(&d.quotes[1]), "الرئيس الفرنسي إيمانويل ماكرون");
    // an unnamed phrase after the first verb is no speaker: the previous speaker goes on
    let d = run_e("وقالت الوزارة إن الحدود مغلقة. ومع تزايد أعداد المسافرين، ارتفعت الأسعار، وأضافت أن المعبر سيفتح غدا.");
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(speaker(&d.quotes[1]), "الوزارة");
}

#[test]
fn coordinated_relative_clause_gives_no_statement() {
    let d = run("واستمرت المظاهرات طوال الأسبوع، والتي طالبت برحيل الحكومة.");
    assert!(d.quotes.is_empty());
}

#[test]
fn relative_after_comma_takes_the_antecedent() {
    let d = run("ووصل رئيس الوفد، الذي قال أمس إن المفاوضات متعثرة.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(speaker(&d.quotes[0]), "رئيس الوفد");
}

#[test]
fn topic_phrase_before_the_verb_is_no_speaker() {
    let d = run("وأكدت المغنية أنها تستعد لجولة جديدة. وعن بداياتها في الغناء قالت إن والدها شجعها منذ الصغر.");
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(speaker(&d.quotes[1]), "المغنية");
}

#[test]
fn subject_before_an_appositive_relative_clause() {
    let d = run("لكن البلدية، التي رفضت المشروع، ترى أن الموقع غير مناسب.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(speaker(&d.quotes[0]), "البلدية");
}

#[test]
fn time_phrase_before_the_verb_is_no_clause_subject() {
    let d = run("وقبل أسبوع، طمأن المدرب الجماهير، مؤكدا أن الفريق سيعود أقوى.");
    assert_eq!(d.quotes.len(), 1);
    assert!(speaker(&d.quotes[0]).starts_with("المدرب"), "{}", speaker(&d.quotes[0]));
}

#[test]
fn bil_qawl_introduces_a_quotation() {
    let d = run("ورد المدير على سؤال حول الأجور بالقول: «لا زيادات هذا العام».");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].content.text, "لا زيادات هذا العام");
    assert_eq!(speaker(&d.quotes[0]), "المدير");
}

#[test]
fn bayyana_is_a_cue_only_with_shadda_or_a_complementiser() {
    let d = run("وبيّن الوالي أن الأشغال ستنتهي في الصيف.");
    assert_eq!(d.quotes.len(), 1);
    let d = run("وبين الوالي أن الأشغال ستنتهي في الصيف.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(speaker(&d.quotes[0]), "الوالي");
    // the preposition "between"
    let d = run("وقال الوالي إن الطريق بين المدينتين سيفتح قريبا وبين الأحياء الشمالية أيضا.");
    assert_eq!(d.quotes.len(), 1);
}

#[test]
fn according_relative_verb_is_no_second_cue() {
    let d = run("وأفرج عن السجناء مساء أمس، بحسب ما أفادت قناة \"الوطنية\".");
    assert!(d.quotes.iter().all(|q| q.content.text != "الوطنية"));
}

#[test]
fn affiliation_then_person_name_stays_in_the_speaker() {
    let mut doc = Doc::new("وقال المستشار الاقتصادي في الرئاسة محمد بن سالم إن النمو سيتحسن.", "2024-01-27");
    marsad_entities::EntityAnnotator::new().annotate(&mut doc);
    QuoteAnnotator::new().annotate(&mut doc);
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(speaker(&doc.quotes[0]), "المستشار الاقتصادي في الرئاسة محمد بن سالم");
    // a plain في phrase without a name still ends the phrase
    let d = run("وقال الوزير في مؤتمر صحفي إن النمو سيتحسن.");
    assert_eq!(speaker(&d.quotes[0]), "الوزير");
}

#[test]
fn according_to_a_norm_or_plan_is_no_source() {
    let d = run("وسيبقى الرئيس في منصبه خمس سنوات أخرى وفقا للتعديلات الجديدة التي أقرها البرلمان أمس.");
    assert!(d.quotes.is_empty());
    let d = run("وستجرى الانتخابات في موعدها، بحسب الدستور الذي صوت عليه الشعب عام 2014.");
    assert!(d.quotes.is_empty());
    // a source still is
    let d = run("وستجرى الانتخابات في موعدها، بحسب مصادر في اللجنة الانتخابية.");
    assert_eq!(d.quotes.len(), 1);
}

#[test]
fn b_phrase_after_an_accusation_verb_is_its_object() {
    let d = run("وقال المتحدث: نحن نعرف أن من يكتبون هذه الرسائل قد يتهمون بارتكاب مخالفة. وأضاف أن التحقيق مستمر.");
    let last = d.quotes.last().unwrap();
    assert_eq!(last.content.text, "التحقيق مستمر");
    assert_eq!(speaker(last), "المتحدث");
}

#[test]
fn inna_may_follow_a_long_circumstantial_phrase() {
    let text = "وقالت الوزيرة في مؤتمر صحفي عقدته بعد اجتماع طارئ للحكومة خصص لبحث تداعيات الفيضانات الأخيرة في الجنوب إن المساعدات ستصل غدا.";
    let d = run(text);
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].content.text, "المساعدات ستصل غدا");
    // أن (not the complement of قال) keeps the usual gap
    let d = run("وقالت الوزيرة في مؤتمر صحفي عقدته بعد اجتماع طارئ للحكومة خصص لبحث تداعيات الفيضانات الأخيرة في الجنوب أن المساعدات ستصل غدا.");
    assert!(d.quotes.is_empty());
}

#[test]
fn person_named_right_before_the_verb_is_its_subject() {
    let run_e = |t: &str| {
        let mut doc = Doc::new(t, "2024-01-27");
        marsad_entities::EntityAnnotator::new().annotate(&mut doc);
        QuoteAnnotator::new().annotate(&mut doc);
        doc
    };
    let d = run_e("وقال وزير الخارجية السوداني إبراهيم غندور إن الاجتماع انتهى. لكن غندور وصف المحادثات، التي استمرت ساعات، بأنها كانت \"بناءة ومهمة\".");
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(speaker(&d.quotes[1]), "غندور");
    // an object after the verb stays out of the speaker when no name precedes it
    let d = run_e("ووصف الوزير المحادثات بأنها كانت \"بناءة ومهمة\".");
    assert_eq!(d.quotes.len(), 1);
    assert_ne!(speaker(&d.quotes[0]), "المحادثات");
}

#[test]
fn anna_of_a_conjunction_is_no_complement() {
    let d = run("واعتقد المزارع في البداية بوجود خطأ في الفاتورة، بيد أن الشركة أثبتت أن الاستهلاك ارتفع.");
    assert!(d.quotes.is_empty());
    let d = run("واعتقد المزارع أن الفاتورة خاطئة.");
    assert_eq!(d.quotes.len(), 1);
}

#[test]
fn waw_plus_preposition_opens_no_clause_subject() {
    let d = run("وعبر حسابه على انستغرام نشر المغني مقطعا، وعلق عليه قائلا: \"هذا ردي على الضريبة\".");
    assert_eq!(d.quotes.len(), 1);
    assert_ne!(speaker(&d.quotes[0]), "حسابه");
}

#[test]
fn function_word_lists_are_loaded_from_data() {
    let a = QuoteAnnotator::new();
    let w = &a.words;
    assert!(w.unknown_lists.is_empty(), "unknown lists in function_words.tsv: {:?}", w.unknown_lists);
    let sets: [(&str, &WordSet); 26] = [
        ("pronoun_suffix", &w.pronoun_suffixes),
        ("impersonal_complement", &w.impersonal_complements),
        ("kana", &w.kana),
        ("copula", &w.copulas),
        ("press_recipient", &w.press_recipients),
        ("relative", &w.relatives),
        ("relative_dual", &w.dual_relatives),
        ("naming_verb", &w.naming_verbs),
        ("naming_marker", &w.naming_markers),
        ("affiliation_prep", &w.affiliation_preps),
        ("name_homograph", &w.name_homographs),
        ("perfect_particle", &w.perfect_particles),
        ("clause_opener", &w.clause_openers),
        ("speaker_adjective", &w.speaker_adjectives),
        ("discourse_opener", &w.discourse_openers),
        ("topic_particle", &w.topic_particles),
        ("report_noun", &w.report_nouns),
        ("issued", &w.issued),
        ("issuer_prep", &w.issuer_preps),
        ("source_prep", &w.source_preps),
        ("veil_prep", &w.veil_preps),
        ("relative_pronoun_prep", &w.relative_pronoun_preps),
        ("verb_pronoun_prep", &w.verb_pronoun_preps),
        ("according_lam", &w.according_lam),
        ("same_source", &w.same_source),
        ("stops", &a.stops),
    ];
    for (name, set) in sets {
        assert!(!set.is_empty(), "list {name} is empty");
    }
    assert!(!w.complementizers.is_empty() && !w.written_inna.is_empty() && !w.saying_nouns.is_empty() && !w.comma_conjunctions.is_empty());
    // entries are stored normalised: أ/ة/ى spellings in the file match normalised tokens
    let has = |set: &WordSet, word: &str| set.contains(&normalize_str(word));
    assert!(has(&w.relatives, "الذي") && has(&w.relatives, "التي"));
    assert!(has(&w.kana, "كانت") && has(&w.copulas, "أصبح"));
    assert!(has(&w.affiliation_preps, "في") && has(&w.source_preps, "عن"));
    assert!(has(&w.press_recipients, "للصحافة") && has(&w.same_source, "المذكورة"));
    assert!(has(&w.topic_particles, "أما") && has(&w.according_lam, "وفقا"));
    assert!(w.comma_conjunctions.contains(&(normalize_str("في"), normalize_str("حين"))));
    // `written_inna` keeps its hamza below (it is matched on the written text)
    assert!(w.written_inna.iter().any(|x| x == "إن"));
    // the complementiser rule built from `complementizer` + `pronoun_suffix` + the proclitics و ف ب
    for yes in ["أن", "إنه", "بأنها", "فإنهم", "وأن"] {
        assert!(w.is_complementizer(&normalize_str(yes)), "{yes}");
    }
    for no in ["انتخابات", "أنف", "إنسان", "لأن"] {
        assert!(!w.is_complementizer(&normalize_str(no)), "{no}");
    }
    assert!(w.is_fa_complementizer(&normalize_str("فإنه")) && !w.is_fa_complementizer(&normalize_str("بأنه")));
    // the spelled-out forms answer as the stripping rule, also for words built like them
    let mut words: Vec<String> = w.complementizer_forms.iter().map(str::to_string).collect();
    for c in &w.complementizers {
        for p in ["", "و", "ف", "ب", "ل", "وف", "فو", "بو", "وفب", "ببب", "فف", "وو"] {
            for s in ["", "ه", "ها", "هم", "نا", "ني", "ي", "ك", "ت", "هما", "كم", "ا"] {
                words.push(format!("{p}{c}{s}"));
                words.push(format!("{p}{s}{c}"));
            }
        }
    }
    words.extend(["", "و", "ف", "ب", "وف", "انتخابات", "إنسان", "قال"].map(normalize_str));
    for x in &words {
        assert_eq!(w.is_complementizer(x), w.is_complementizer_by_stripping(x), "{x}");
        assert_eq!(w.is_fa_complementizer(x), w.is_fa_complementizer_by_stripping(x), "{x}");
    }
    assert!(w.complementizer_forms.len() > w.complementizers.len());
    assert!(w.is_kana_like(&normalize_str("وباتت")) && w.is_kana_like(&normalize_str("وكان")) && !w.is_kana_like(&normalize_str("قال")));
}

/// The table of cue readings answers like the look-ups it replaces: for every key with and
/// without a proclitic, and for words that are no cue.
#[test]
fn cue_readings_agree_with_the_cue_tables() {
    let a = QuoteAnnotator::new();
    let keys: Vec<&str> = a.single.keys().chain(a.multi.keys()).collect();
    assert!(keys.len() > 100);
    let mut forms: Vec<String> = keys.iter().flat_map(|k| [k.to_string(), format!("و{k}"), format!("ف{k}"), format!("ب{k}"), format!("وو{k}")]).collect();
    forms.extend(["الوزير", "في", "و", "ف", "ان", "قا", "والقول"].map(String::from));
    let mut cues = 0;
    for w in &forms {
        let expected = a.read_cue_tables(w);
        match a.readings.get(w) {
            Some(r) => {
                assert_eq!(*r, expected, "{w}");
                cues += 1;
            }
            None => assert_eq!(expected, CueReading::default(), "{w}"),
        }
    }
    assert!(cues >= 3 * keys.len() / 2, "{cues}");
    // the shape pre-filter never turns a reading away, and turns most ordinary words away
    for (form, _) in a.readings.iter() {
        assert!(a.reading_shapes.may_contain(form), "{form}");
    }
    let ordinary = ["الوزير", "في", "من", "على", "الحكومة", "إلى", "التي", "الذي", "مع", "عن", "بين", "العام", "الرئيس", "وزارة", "المدينة", "الأمن", "a", "", "2024"];
    let passed = ordinary.iter().filter(|w| a.reading_shapes.may_contain(&normalize_str(w))).count();
    assert!(passed <= ordinary.len() / 3, "{passed}");
}

/// The sentence of each token and the token range of each sentence, as the token-by-token walk
/// over the sentences gives them.
#[test]
fn token_sentences_agree_with_a_walk_over_the_tokens() {
    fn by_tokens(doc: &Doc) -> (Vec<u32>, Vec<(u32, u32)>) {
        let mut sent = vec![0u32; doc.tokens.len()];
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        let mut s = 0usize;
        for (i, t) in doc.tokens.iter().enumerate() {
            while s + 1 < doc.sentences.len() && doc.sentences[s].end <= t.start as usize {
                s += 1;
            }
            sent[i] = s as u32;
            while ranges.len() <= s {
                ranges.push((i as u32, i as u32));
            }
            ranges[s].1 = i as u32 + 1;
        }
        (sent, ranges)
    }
    for text in ["", "كلمة", ".", "قال الوزير. ثم غادر!\n\nوفي اليوم التالي، عاد؟ نعم… انتهى", "«جملة».  أخرى  . .", "أ. ب. ج"] {
        let doc = Doc::new(text, "2024-01-01");
        assert_eq!(token_sentences(&doc), by_tokens(&doc), "{text}");
    }
    let mut doc = Doc::new("قال الوزير إن الوضع مستقر", "2024-01-01");
    doc.sentences.clear();
    assert_eq!(token_sentences(&doc), by_tokens(&doc));
}

#[test]
fn according_to_with_a_conjunction_leaves_its_lam_out_of_the_speaker() {
    for text in ["ووفقا للمرصد السوري لحقوق الإنسان، قتل خمسة مدنيين في القصف.", "وفقا للمرصد السوري لحقوق الإنسان، قتل خمسة مدنيين في القصف."] {
        let doc = run(text);
        let s = doc.quotes.first().and_then(|q| q.speaker.as_ref()).unwrap_or_else(|| panic!("{:?}", doc.quotes));
        assert_eq!(s.text, "لمرصد السوري لحقوق الإنسان", "{text}");
    }
}

/// The per-document facts of `View` (cues, sentence ranges, punctuation classes) agree with the
/// token-by-token readings they replace, on a text with quotations, datelines and several sentences.
#[test]
fn view_tables_agree_with_token_tests() {
    let text = "صنعاء – قال الوزير: «لن نتراجع». وأكد المتحدث، في بيان، أن القوات انسحبت؛ مضيفا أن \"المعركة لم تنته\"!\nوبحسب المصادر فإن الوضع هادئ... وذكرت الوكالة عن مسؤول قوله إن الحوار مستمر…";
    let doc = Doc::new(text, "2024-01-27");
    let a = QuoteAnnotator::new();
    let v = View::new(&doc, &a);
    let n = doc.tokens.len();
    let mut cues = 0;
    for i in 0..n {
        assert_eq!(v.is_cue_at_uncached(&a, i), a.is_cue_at(&v, i).map(|(l, c)| (l, c as *const CueInfo)), "token {i}");
        cues += usize::from(a.is_cue_at(&v, i).is_some());
        let (kind, norm) = (doc.tokens[i].kind, doc.tokens.norm(i));
        let punct = kind == TokenKind::Punct;
        assert_eq!(v.is_comma(i), punct && matches!(norm, "," | ";" | "-" | "–" | "—"), "{norm}");
        assert_eq!(v.is_true_comma(i), punct && matches!(norm, "," | ";"), "{norm}");
        assert_eq!(v.is_final_punct(i), punct && matches!(norm, "." | "!" | "?" | "..." | "…"), "{norm}");
        // the sentence range is the run of tokens sharing token i's sentence
        let (s, e) = v.sentence_range(i);
        assert!(s <= i && i < e && (s..e).all(|k| v.sent[k] == v.sent[i]));
        assert!(s == 0 || v.sent[s - 1] != v.sent[i]);
        assert!(e == n || v.sent[e] != v.sent[i]);
    }
    assert!(cues >= 4, "{cues} cues");
}

/// The statement nouns are single words: a speaker phrase with a space is never one, which lets
/// `handle` skip normalising phrases.
#[test]
fn statement_nouns_are_single_words() {
    let a = QuoteAnnotator::new();
    assert!(!a.documents.is_empty());
    assert!(a.documents.iter().all(|w| !w.chars().any(char::is_whitespace)));
}
