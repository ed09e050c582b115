use super::*;

fn annotator() -> &'static EventAnnotator {
    static ANN: std::sync::OnceLock<EventAnnotator> = std::sync::OnceLock::new();
    ANN.get_or_init(EventAnnotator::new)
}

fn run(text: &str) -> Vec<Event> {
    let ann = annotator();
    let mut doc = Doc::new(text, "2024-01-27");
    ann.annotate(&mut doc);
    doc.events
}

fn check_spans(text: &str, evs: &[Event]) {
    let chars: Vec<char> = text.chars().collect();
    for e in evs {
        let t: String = chars[e.trigger.start..e.trigger.end].iter().collect();
        assert_eq!(t, e.trigger.text);
        for a in [&e.source, &e.target, &e.location].into_iter().flatten() {
            let s: String = chars[a.start..a.end].iter().collect();
            assert_eq!(s, a.text);
        }
    }
}

#[test]
fn relative_clause_attack() {
    let text = "المحادثات قائمة قبل الهجوم الذي شنته حركة حماس على إسرائيل في أكتوبر.";
    let evs = run(text);
    check_spans(text, &evs);
    let e = evs.iter().find(|e| e.event_type == "ASSAULT").expect("assault");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("PSE"));
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("ISR"));
}

#[test]
fn nationality_adjective_source_and_object_target() {
    let text = "واستهدفت ضربات أميركية مواقع للحشد الشعبي في العراق.";
    let evs = run(text);
    check_spans(text, &evs);
    assert_eq!(evs.len(), 1, "{evs:?}");
    let e = &evs[0];
    assert_eq!(e.event_type, "ASSAULT");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("USA"));
    assert!(e.target.as_ref().unwrap().text.contains("لحشد"), "{e:?}");
    assert_eq!(e.location.as_ref().unwrap().country.as_deref(), Some("IRQ"));
}

#[test]
fn svo_with_target_preposition() {
    let text = "وقال البنتاجون إن الولايات المتحدة شنت غارات على مواقع لفصائل مسلحة.";
    let evs = run(text);
    let e = evs.iter().find(|e| e.event_type == "ASSAULT").expect("assault");
    assert_eq!(e.mode.as_deref(), Some("aerial"));
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("USA"));
    assert_eq!(e.target.as_ref().unwrap().sector.as_deref(), Some("REB"));
}

#[test]
fn arrests_with_counts_and_negation() {
    let evs = run("اعتقلت الشرطة التونسية نحو 70 متظاهرا في العاصمة.");
    let e = evs.iter().find(|e| e.event_type == "COERCE").expect("coerce");
    assert_eq!(e.mode.as_deref(), Some("arrest"));
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("TUN"));
    assert_eq!(e.source.as_ref().unwrap().sector.as_deref(), Some("COP"));
    assert!(!e.negated);
    // an event said not to have happened is not reported
    let evs = run("ولم تشن إسرائيل أي غارات على لبنان.");
    assert!(!evs.iter().any(|e| e.event_type == "ASSAULT"), "{evs:?}");
    let evs = run("ونفت طهران أن تكون قد زودت الحوثيين بالصواريخ.");
    assert!(!evs.iter().any(|e| e.event_type == "AID"), "{evs:?}");
}

#[test]
fn consult_between() {
    let evs = run("انطلقت الجولة الأولى للحوار الثنائي بين العراق والولايات المتحدة.");
    let e = evs.iter().find(|e| e.event_type == "CONSULT").expect("consult");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("IRQ"));
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("USA"));
}

#[test]
fn no_event_without_arguments_or_trigger() {
    assert!(run("وتستمر المحادثات منذ شهور.").is_empty());
    assert!(run("ذهب الطفل إلى المدرسة صباح اليوم.").is_empty());
}

#[test]
fn future_is_hypothetical() {
    let evs = run("وستفرض الولايات المتحدة عقوبات على إيران.");
    let e = evs.iter().find(|e| e.event_type == "SANCTION").expect("sanction");
    assert!(e.hypothetical);
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("IRN"));
}

#[test]
fn no_panic_on_odd_input() {
    for t in ["", "،،،", "شن", "هجوم على", "\"\"\"", "بين و", "في في في", "قتل 5", "الهجوم الذي"] {
        let evs = run(t);
        check_spans(t, &evs);
    }
}

#[test]
fn entity_layer_spans_and_time_layer_dates_are_used() {
    let text = "واجتمع أردوغان مع رئيس الوزراء اليوناني في أثينا يوم الخميس.";
    let mut doc = Doc::new(text, "2023-12-10");
    let chars: Vec<char> = text.chars().collect();
    let find = |s: &str| {
        let n: Vec<char> = s.chars().collect();
        (0..chars.len()).find(|&i| chars[i..].starts_with(&n)).unwrap()
    };
    let s = find("أردوغان");
    doc.entities.push(marsad_doc::Entity {
        start: s,
        end: s + 7,
        text: "أردوغان".into(),
        entity_type: marsad_doc::EntityType::PER,
        actor: Some("erdogan".into()),
        country: Some("TUR".into()),
        sector: Some("GOV".into()),
        source: None,
    });
    let t = find("يوم الخميس");
    doc.times.push(marsad_doc::Time {
        start: t,
        end: t + 10,
        text: "يوم الخميس".into(),
        value: "2023-12-07".into(),
        kind: Some("date".into()),
    });
    EventAnnotator::new().annotate(&mut doc);
    let e = doc.events.iter().find(|e| e.event_type == "CONSULT").expect("consult");
    let src = e.source.as_ref().unwrap();
    assert_eq!(src.actor.as_deref(), Some("erdogan"));
    assert_eq!(src.country.as_deref(), Some("TUR"));
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("GRC"));
    assert_eq!(e.date.as_deref(), Some("2023-12-07"));
    assert_eq!(e.location.as_ref().unwrap().country.as_deref(), Some("GRC"));
}

#[test]
fn unattributed_bombing_with_casualties_and_place() {
    let text = "قتل 18 شخصا وأصيب نحو 40 آخرين في انفجار سيارة مفخخة في مدينة الموصل.";
    let evs = run(text);
    check_spans(text, &evs);
    assert_eq!(evs.len(), 1, "{evs:?}");
    let e = &evs[0];
    assert_eq!(e.event_type, "ASSAULT");
    assert_eq!(e.counts.killed.map(|c| c.value), Some(18.0));
    let inj = e.counts.injured.expect("injured");
    assert_eq!(inj.value, 40.0);
    assert!(inj.approx);
    assert!(e.location.as_ref().unwrap().text.contains("الموصل"));
}

#[test]
fn protesters_take_the_country_of_the_place() {
    let evs = run("وتظاهر مئات المحتجين أمام البرلمان في بغداد.");
    let e = evs.iter().find(|e| e.event_type == "PROTEST").expect("protest");
    assert_eq!(e.mode.as_deref(), Some("demo"));
    let s = e.source.as_ref().unwrap();
    assert_eq!(s.sector.as_deref(), Some("CVL"));
    assert_eq!(s.country.as_deref(), Some("IRQ"));
}

#[test]
fn threatened_unattributed_attack_is_not_an_event() {
    let evs = run("وهدد الزعيم بتوسيع الهجمات في المنطقة.");
    assert!(evs.iter().all(|e| e.event_type != "ASSAULT"), "{evs:?}");
}

#[test]
fn garbage_never_panics_and_spans_stay_exact() {
    let pieces = [
        "شن", "هجوم", "على", "بين", "و", "الذي", "في", "،", ".", "\"", "قتل", "5", "نحو", "مع", "ضد",
        "الولايات", "المتحدة", "القوات", "الأميركية", "ال", "ـ", "\u{64b}", "x", "🙂", "\n", "من", "قبل",
        "المتظاهرين", "أمام", "اعتقلت", "لم", "سـ", "انه", "احتجاجا",
    ];
    let mut seed = 12345u64;
    for _ in 0..300 {
        let mut s = String::new();
        let n = (seed % 25) as usize;
        for _ in 0..n {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            if seed & 1 == 0 {
                s.push(' ');
            }
        }
        seed = seed.wrapping_add(7);
        let evs = run(&s);
        check_spans(&s, &evs);
    }
}

#[test]
fn annotator_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<EventAnnotator>();
}

// ---- round 2: argument rules for unseen articles

/// Adds an entity at the first occurrence of `piece`.
fn ent(doc: &mut Doc, piece: &str, ty: marsad_doc::EntityType, actor: &str, country: Option<&str>) {
    let chars: Vec<char> = doc.text().chars().collect();
    let n: Vec<char> = piece.chars().collect();
    let s = (0..chars.len()).find(|&i| chars[i..].starts_with(&n)).expect("piece in text");
    doc.entities.push(marsad_doc::Entity {
        start: s,
        end: s + n.len(),
        text: piece.into(),
        entity_type: ty,
        actor: Some(actor.into()),
        country: country.map(str::to_string),
        sector: None,
        source: None,
    });
    doc.entities.sort_by_key(|e| e.start);
}

fn annotated(mut doc: Doc) -> Vec<Event> {
    annotator().annotate(&mut doc);
    let text = doc.text().to_string();
    check_spans(&text, &doc.events);
    doc.events
}

#[test]
fn title_extends_over_genitive_chain_to_the_holder() {
    let text = "وانتقد رئيس حكومة الوحدة الوطنية الليبية عبد الحميد الدبيبة قرار البرلمان.";
    let mut doc = Doc::new(text, "2024-03-02");
    ent(&mut doc, "عبد الحميد الدبيبة", marsad_doc::EntityType::PER, "dbeibah", Some("LBY"));
    let evs = annotated(doc);
    let e = evs.iter().find(|e| e.event_type == "ACCUSE").expect("accuse");
    let s = e.source.as_ref().unwrap();
    assert_eq!(s.actor.as_deref(), Some("dbeibah"));
    assert!(s.text.starts_with("رئيس") && s.text.ends_with("الدبيبة"), "{s:?}");
}

#[test]
fn spokesperson_speaks_for_the_organisation() {
    let text = "وندد المتحدث باسم منظمة الصحة العالمية بالهجوم على المستشفى.";
    let mut doc = Doc::new(text, "2024-03-02");
    ent(&mut doc, "منظمة الصحة العالمية", marsad_doc::EntityType::ORG, "who", None);
    let evs = annotated(doc);
    let e = evs.iter().find(|e| e.event_type == "ACCUSE").expect("accuse");
    assert_eq!(e.source.as_ref().unwrap().actor.as_deref(), Some("who"));
}

#[test]
fn short_form_of_an_organisation_named_before() {
    let text = "اجتمع الاتحاد الأفريقي في أديس أبابا. وكان الاتحاد قد علق عضوية النيجر الشهر الماضي.";
    let mut doc = Doc::new(text, "2024-03-02");
    ent(&mut doc, "الاتحاد الأفريقي", marsad_doc::EntityType::ORG, "au", None);
    let evs = annotated(doc);
    let e = evs.iter().find(|e| e.event_type == "SANCTION").expect("sanction");
    assert_eq!(e.source.as_ref().unwrap().actor.as_deref(), Some("au"));
}

#[test]
fn suspend_needs_an_object_comment_is_not_a_sanction() {
    assert!(!run("ولم يعلق الجيش الأردني على الحادث حتى الآن.").iter().any(|e| e.event_type == "SANCTION"));
}

#[test]
fn a_town_is_not_the_attacker() {
    let text = "واستمر قصف حلب طوال الليل.";
    let mut doc = Doc::new(text, "2024-03-02");
    ent(&mut doc, "حلب", marsad_doc::EntityType::GPE, "aleppo", Some("SYR"));
    let evs = annotated(doc);
    let e = evs.iter().find(|e| e.event_type == "ASSAULT").expect("assault");
    assert!(e.source.is_none(), "{e:?}");
    assert_eq!(e.target.as_ref().unwrap().actor.as_deref(), Some("aleppo"), "{e:?}");
}

#[test]
fn adjectival_clause_subject_is_not_the_object() {
    let evs = run("ووصف الوزير القرار بأنه تصعيد خطير يستهدف اللاجئين.");
    assert!(!evs.iter().any(|e| e.event_type == "ASSAULT"), "{evs:?}");
}

#[test]
fn instrument_noun_takes_the_subject_of_its_verb() {
    let evs = run("وردت القوات التركية بقصف مواقع كردية شمال العراق.");
    let e = evs.iter().find(|e| e.event_type == "ASSAULT").expect("assault");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("TUR"));
}

#[test]
fn coordinated_verb_shares_the_subject() {
    let evs = run("رحبت الحكومة المصرية بالاتفاق، ودعت الأطراف الليبية إلى الحوار.");
    let e = evs.iter().find(|e| e.event_type == "REQUEST").expect("request");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("EGY"));
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("LBY"));
}

#[test]
fn welcome_takes_its_object_after_bi() {
    let evs = run("ورحبت قطر بالمبادرة الأميركية لوقف القتال.");
    let e = evs.iter().find(|e| e.event_type == "SUPPORT").expect("support");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("QAT"));
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("USA"));
}

#[test]
fn quoted_statement_is_the_speakers_act() {
    let text = "وقال غوتيريش للصحافيين إن المنظمة \"تطالب بوقف فوري للقتال\".";
    let mut doc = Doc::new(text, "2024-03-02");
    ent(&mut doc, "غوتيريش", marsad_doc::EntityType::PER, "guterres", None);
    let chars: Vec<char> = text.chars().collect();
    let at = |p: &str| {
        let n: Vec<char> = p.chars().collect();
        (0..chars.len()).find(|&i| chars[i..].starts_with(&n)).unwrap()
    };
    let (c, q) = (at("تطالب"), at("للقتال") + 6);
    let k = at("وقال");
    doc.quotes.push(marsad_doc::Quote {
        kind: marsad_doc::QuoteKind::Indirect,
        cue: doc.span(k, k + 4),
        speaker: Some(marsad_doc::Speaker {
            start: at("غوتيريش"),
            end: at("غوتيريش") + 7,
            text: "غوتيريش".into(),
            actor: Some("guterres".into()),
            anonymous: false,
            affiliation: None,
        }),
        content: doc.span(c, q),
        date: None,
        denial: false,
        via: None,
    });
    let evs = annotated(doc);
    let e = evs.iter().find(|e| e.event_type == "REQUEST").expect("request");
    assert_eq!(e.source.as_ref().unwrap().actor.as_deref(), Some("guterres"));
}

#[test]
fn threat_target_is_not_the_threateners_own_country() {
    let evs = run("وهدد وزير الدفاع الإسرائيلي بأن إسرائيل ستضرب لبنان بقوة.");
    let e = evs.iter().find(|e| e.event_type == "THREATEN").expect("threaten");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("ISR"));
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("LBN"));
}

#[test]
fn verb_form_after_a_preposition_is_a_noun() {
    let evs = run("واتهمت المنظمة الحكومة بالمشاركة في قتل المتظاهرين.");
    assert!(!evs.iter().any(|e| e.event_type == "ASSAULT"), "{evs:?}");
}

#[test]
fn stop_is_an_arrest_only_with_people_as_object() {
    let evs = run("أوقفت الشرطة المغربية 12 شخصا في الرباط.");
    let e = evs.iter().find(|e| e.event_type == "COERCE").expect("coerce");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("MAR"));
    assert!(!run("أوقفت الحكومة المغربية المفاوضات مع الشركة.").iter().any(|e| e.event_type == "COERCE"));
}

#[test]
fn nickname_after_the_name_is_part_of_the_actor() {
    let text = "ورحب زعيم الحركة أحمد علي \"الجولاني\" بالموقف القطري.";
    let mut doc = Doc::new(text, "2024-03-02");
    ent(&mut doc, "أحمد علي", marsad_doc::EntityType::PER, "local:ahmad", None);
    let evs = annotated(doc);
    let e = evs.iter().find(|e| e.event_type == "SUPPORT").expect("support");
    assert_eq!(e.source.as_ref().unwrap().actor.as_deref(), Some("local:ahmad"));
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("QAT"));
}

#[test]
fn possessive_fighters_stand_for_the_group_named_before_the_complementizer() {
    let evs = run("وأكدت حركة حماس في بيان أن مقاتليها أطلقوا صواريخ على مدينة عسقلان.");
    let e = evs.iter().find(|e| e.event_type == "ASSAULT").expect("assault");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("PSE"));
}

#[test]
fn shelling_positions_hits_their_owner() {
    let text = "وردت القوات الكينية بقصف مواقع الحركة قرب الحدود.";
    let mut doc = Doc::new(text, "2024-03-02");
    // the group was named earlier in the article as "حركة الشباب"
    let full = format!("هاجمت حركة الشباب قرية. {text}");
    let mut doc2 = Doc::new(&full, "2024-03-02");
    ent(&mut doc2, "حركة الشباب", marsad_doc::EntityType::ORG, "shabaab", Some("SOM"));
    let evs = annotated(doc2);
    let e = evs.iter().find(|e| e.trigger.text == "بقصف").expect("shelling");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("KEN"));
    assert_eq!(e.target.as_ref().unwrap().actor.as_deref(), Some("shabaab"));
    annotator().annotate(&mut doc);
    assert!(doc.events.iter().all(|e| e.target.as_ref().is_none_or(|t| t.actor.is_none())));
}

#[test]
fn demonstrations_stand_for_the_demonstrators() {
    let evs = run("وخرجت مظاهرات في مدن أردنية عدة تضامنا مع غزة.");
    let e = evs.iter().find(|e| e.event_type == "PROTEST").expect("protest");
    assert!(e.source.as_ref().unwrap().text.contains("مظاهرات"), "{e:?}");
}

#[test]
fn expressing_support_is_support() {
    let evs = run("وأعربت تركيا عن دعمها لقطر في الأزمة.");
    let e = evs.iter().find(|e| e.event_type == "SUPPORT").expect("support");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("TUR"));
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("QAT"));
}

#[test]
fn an_actor_acting_on_itself_is_not_an_event() {
    let s = |start, end, text: &str| marsad_doc::ActorSpan {
        start,
        end,
        text: text.to_string(),
        actor: None,
        country: None,
        sector: None,
    };
    assert!(same_participant(Some(&s(0, 6, "فلسطيني")), Some(&s(10, 16, "فلسطيني"))));
    assert!(same_participant(Some(&s(0, 6, "الأميركية")), Some(&s(10, 16, "الاميركيه"))));
    assert!(!same_participant(Some(&s(0, 6, "إسرائيل")), Some(&s(10, 16, "لبنان"))));
    assert!(!same_participant(Some(&s(0, 6, "إسرائيل")), None));
    for e in &run("وقتل فلسطيني فلسطينيا آخر في شجار عائلي.") {
        if let (Some(s), Some(t)) = (&e.source, &e.target) {
            assert_ne!(marsad_text::normalize_str(&s.text), marsad_text::normalize_str(&t.text));
        }
    }
}

// ---- round 3: rules for unseen articles

#[test]
fn participle_takes_the_clause_subject() {
    let text = "وقال وزير الخارجية السوري إن القصف خطير، متهما إسرائيل بارتكاب جرائم حرب.";
    let evs = run(text);
    check_spans(text, &evs);
    let e = evs.iter().find(|e| e.event_type == "ACCUSE" && e.trigger.text == "متهما").expect("accuse");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("SYR"), "{e:?}");
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("ISR"));
}

#[test]
fn planned_visit_is_an_agreement_and_refusal_a_rejection() {
    let evs = run("وقال مسؤول إن وفدا من تركيا سيزور دمشق الأسبوع المقبل.");
    let e = evs.iter().find(|e| e.event_type == "AGREE").expect("agree");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("TUR"));
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("SYR"));
    assert!(!evs.iter().any(|e| e.event_type == "CONSULT"), "{evs:?}");
    let evs = run("وقالت الحكومة السودانية إن الجيش لن يتفاوض مع المتمردين.");
    assert!(evs.iter().any(|e| e.event_type == "REJECT"), "{evs:?}");
    assert!(!evs.iter().any(|e| e.event_type == "CONSULT"), "{evs:?}");
}

#[test]
fn condemned_strikes_target_their_author() {
    let text = "شنت طائرات أميركية غارات على مواقع في اليمن. وأدانت إيران الغارات.";
    let evs = run(text);
    check_spans(text, &evs);
    let e = evs.iter().find(|e| e.event_type == "ACCUSE").expect("accuse");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("IRN"));
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("USA"));
    // "الغارات" is the condemned event, not a second attack
    assert_eq!(evs.iter().filter(|e| e.event_type == "ASSAULT").count(), 1, "{evs:?}");
}

#[test]
fn counted_victims_are_no_subject() {
    let evs = run("قتل خمسة فلسطينيين في الضفة الغربية.");
    assert!(
        !evs.iter().any(|e| e.source.as_ref().is_some_and(|s| s.text.contains("فلسطينيين"))),
        "{evs:?}"
    );
}

#[test]
fn the_two_sides_are_the_parties_named_before() {
    let text = "استقبل الرئيس المصري نظيره الفرنسي في القاهرة. ووقع الجانبان اتفاقية للتعاون.";
    let evs = run(text);
    check_spans(text, &evs);
    let e = evs.iter().find(|e| e.event_type == "AGREE").expect("agree");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("EGY"), "{e:?}");
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("FRA"));
}

#[test]
fn resumptive_verb_and_aspectual_verb_give_the_attacker() {
    let evs = run("قتل ثلاثة أشخاص خلال اقتحام واسع شنه الجيش الإسرائيلي على مخيم جنين.");
    let e = evs.iter().find(|e| e.event_type == "ASSAULT").expect("assault");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("ISR"), "{evs:?}");
    let evs = run("وتواصل إسرائيل قصف قطاع غزة منذ أشهر.");
    let e = evs.iter().find(|e| e.event_type == "ASSAULT").expect("assault");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("ISR"), "{evs:?}");
}

#[test]
fn coordinated_nationalities_stay_in_the_source() {
    let text = "توعدت الجماعة بالرد على الضربات الأميركية البريطانية التي استهدفت اليمن.";
    let evs = run(text);
    check_spans(text, &evs);
    let e = evs.iter().find(|e| e.event_type == "ASSAULT").expect("assault");
    let s = &e.source.as_ref().unwrap().text;
    assert!(s.contains("الأميركية") && s.contains("البريطانية"), "{s}");
}

#[test]
fn protester_nouns_as_objects_are_no_protest() {
    let evs = run("ودعا المحافظ المحتجين إلى التحلي بالصبر.");
    assert!(!evs.iter().any(|e| e.event_type == "PROTEST"), "{evs:?}");
    assert!(evs.iter().any(|e| e.event_type == "REQUEST"), "{evs:?}");
}

/// Whether a surface word can trigger an event of `etype` (verb forms, and
/// noun forms with their clitics and article removed).
fn triggers_type(word: &str, etype: &str) -> bool {
    let lex = &annotator().lex;
    let w = marsad_text::normalize_str(word);
    let vars = lexicon::variants(&w);
    let is = |hits: &[lexicon::FormHit]| hits.iter().any(|h| lex.triggers[h.trigger as usize].etype == etype);
    vars.iter().any(|&(off, clitic)| {
        let key = &w[off..];
        (!clitic && lex.forms.get(key).is_some_and(|f| is(&f.verb)))
            || lex.forms.get(strip_article(key)).is_some_and(|f| is(&f.noun))
    })
}

#[test]
fn issue_trigger_list_is_covered_in_its_forms() {
    let cases: &[(&str, &[&str])] = &[
        ("ASSAULT", &["شن", "شنت", "يشن", "تشن", "سيشن", "وشنت", "شنوا", "يشنون", "استهدف", "استهدفت", "يستهدف",
            "واستهدفت", "سيستهدف", "استهدفته", "قصف", "قصفت", "يقصف", "وقصفت", "غارة", "غارات", "الغارات",
            "بغارة", "والغارات", "ضربات", "الضربات", "اغتال", "اغتالت", "يغتال", "اقتحام"]),
        ("COERCE", &["اعتقل", "اعتقلت", "يعتقل", "تعتقل", "اعتقلوا", "واعتقلت", "اعتقلتهم", "اعتقال"]),
        ("PROTEST", &["تظاهر", "تظاهروا", "يتظاهرون", "احتج", "احتجوا", "يحتجون", "مظاهرات", "احتجاجات"]),
        ("AGREE", &["اتفق", "اتفقت", "اتفقا", "يتفق", "تتفقان", "وقع", "وقعت", "يوقع", "وقعا"]),
        ("CONSULT", &["التقى", "التقت", "التقوا", "يلتقي", "بحث", "بحثت", "يبحث", "استقبل", "استقبلت",
            "يستقبل", "استقبله", "اجتمع", "اجتمعت", "يجتمع", "اجتمعوا"]),
        ("SANCTION", &["فرض", "فرضت", "يفرض", "سيفرض", "قطع", "قطعت", "يقطع", "عقوبات"]),
        ("THREATEN", &["حذر", "حذرت", "يحذر", "هدد", "هددت", "يهدد", "هدده", "توعد", "توعدت"]),
        ("ACCUSE", &["اتهم", "اتهمت", "يتهم", "اتهمه", "اتهموا", "دان", "دانت", "يدين", "أدانت", "حمل", "حملت",
            "يحمل", "متهما"]),
        ("REJECT", &["رفض", "رفضت", "يرفض", "رفضوا", "رفضتها"]),
        ("REQUEST", &["طالب", "طالبت", "يطالب", "طالبوا", "دعا", "دعت", "يدعو", "دعوا", "داعيا"]),
        ("SUPPORT", &["رحب", "رحبت", "يرحب", "مرحبا"]),
        ("RETREAT", &["انسحب", "انسحبت", "ينسحب", "أفرج", "أفرجت", "يفرج", "انسحاب"]),
        ("MOBILIZE", &["نشر", "نشرت", "ينشر", "حشد", "حشدت", "يحشد"]),
        ("AID", &["قدم", "قدمت", "يقدم", "مساعدات"]),
    ];
    let mut missing = Vec::new();
    for (etype, words) in cases {
        for w in *words {
            if !triggers_type(w, etype) {
                missing.push(format!("{etype} {w}"));
            }
        }
    }
    assert!(missing.is_empty(), "not covered: {missing:?}");
}

#[test]
fn conditions_and_proposals_are_no_events() {
    let evs = run("وقال الوزير إن بلاده لن تفاوض قبل أن تنسحب القوات الروسية من المدينة.");
    assert!(!evs.iter().any(|e| e.event_type == "RETREAT"), "{evs:?}");
    let evs = run("واتفق الرئيسان على الدعوة إلى حوار بين الحكومة والمعارضة.");
    assert!(!evs.iter().any(|e| e.event_type == "CONSULT"), "{evs:?}");
}

#[test]
fn participle_object_pronoun_is_the_last_object() {
    let text = "فرضت الولايات المتحدة عقوبات على إيران، متهمة إياها بدعم الإرهاب.";
    let evs = run(text);
    check_spans(text, &evs);
    let e = evs.iter().find(|e| e.event_type == "ACCUSE").expect("accuse");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("USA"), "{e:?}");
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("IRN"), "{e:?}");
}

#[test]
fn two_armies_of_one_country_are_two_accusations() {
    let text = "الجيش اللبناني يتهم حزب الله بالقصف. ونفى حزب الله ذلك، واتهم الجيش اللبناني بشن غارات.";
    let evs = run(text);
    check_spans(text, &evs);
    assert_eq!(evs.iter().filter(|e| e.event_type == "ACCUSE").count(), 2, "{evs:?}");
}

#[test]
fn a_verb_written_as_passive_has_its_patient_after_it() {
    let evs = run("وقُتل القيادي في حركة حماس في غارة.");
    assert!(!evs.iter().any(|e| e.source.as_ref().is_some_and(|s| s.text.contains("حماس"))), "{evs:?}");
    let evs = run("وقُتل الجندي الإسرائيلي من قبل حركة حماس.");
    let e = evs.iter().find(|e| e.event_type == "ASSAULT").expect("assault");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("PSE"), "{e:?}");
}

// ---- round 4: precision on unseen news

fn run_full(text: &str, date: &str) -> Vec<Event> {
    static ENT: std::sync::OnceLock<marsad_entities::EntityAnnotator> = std::sync::OnceLock::new();
    let ents = ENT.get_or_init(marsad_entities::EntityAnnotator::new);
    let mut doc = Doc::new(text, date);
    ents.annotate(&mut doc);
    marsad_times::TimeAnnotator::new().annotate(&mut doc);
    annotator().annotate(&mut doc);
    doc.events
}

#[test]
fn purpose_adverbial_without_author_is_no_protest() {
    let evs = run("وصلت القافلة إلى المدينة احتجاجا على ارتفاع الأسعار.");
    assert!(evs.iter().all(|e| e.event_type != "PROTEST"), "{evs:?}");
}

#[test]
fn adverb_and_compound_words_are_no_triggers() {
    // "بشكل قاطع" = categorically; "طرد مركزي" = centrifuge
    let evs = run("وأكد أن الأردن يرفض بشكل قاطع هذه الخطط، فيما ركبت إيران أجهزة طرد مركزي جديدة.");
    assert!(evs.iter().all(|e| e.event_type != "PROTEST" && e.event_type != "COERCE"), "{evs:?}");
}

#[test]
fn figurative_attack_is_no_assault() {
    let evs = run("ردت الصين على الهجوم التجاري الذي شنته الولايات المتحدة.");
    assert!(evs.iter().all(|e| e.event_type != "ASSAULT"), "{evs:?}");
}

#[test]
fn coordinated_subjects_are_no_target() {
    let text = "ودعت فرنسا وبريطانيا وألمانيا إيران إلى وقف التخصيب.";
    let evs = run(text);
    check_spans(text, &evs);
    let e = evs.iter().find(|e| e.event_type == "REQUEST").expect("request");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("FRA"));
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("IRN"), "{e:?}");
}

#[test]
fn coordinated_partner_of_a_meeting_stays_target() {
    let evs = run("واشنطن وبغداد تتفاوضان على انسحاب القوات.");
    let e = evs.iter().find(|e| e.event_type == "CONSULT").expect("consult");
    assert_eq!(e.target.as_ref().and_then(|t| t.country.as_deref()), Some("IRQ"));
}

#[test]
fn withdrawing_an_ambassador_is_a_sanction() {
    let evs = run("قررت المغرب سحب سفيرها من الجزائر.");
    let e = evs.iter().find(|e| e.event_type == "SANCTION").expect("sanction");
    assert_eq!(e.source.as_ref().unwrap().country.as_deref(), Some("MAR"));
    assert!(evs.iter().all(|e| e.event_type != "RETREAT"));
}

#[test]
fn verb_after_event_noun_is_its_clause() {
    // the sanctions targeted him: no attack
    let evs = run("فرض مجلس الأمن عقوبات استهدفت قائد الجماعة.");
    assert!(evs.iter().all(|e| e.event_type != "ASSAULT"), "{evs:?}");
    assert!(evs.iter().any(|e| e.event_type == "SANCTION"));
}

#[test]
fn qad_with_past_is_a_fact() {
    // "قد التقى" reports a meeting that happened: CONSULT, not a planned AGREE
    let evs = run("يذكر أن وزير الخارجية المصري قد التقى نظيره التركي في أنقرة.");
    assert!(evs.iter().any(|e| e.event_type == "CONSULT"), "{evs:?}");
    let evs = run("وقال مسؤول إن وزير الخارجية المصري قد يلتقي نظيره التركي في أنقرة.");
    assert!(evs.iter().all(|e| e.event_type != "CONSULT"), "{evs:?}");
}

#[test]
fn relative_verb_without_pronoun_takes_the_name_as_object() {
    let text = "بعد الهجمات الإرهابية التي ضربت باريس قبل أعوام.";
    let evs = run(text);
    check_spans(text, &evs);
    for e in evs.iter().filter(|e| e.event_type == "ASSAULT") {
        assert!(e.source.as_ref().is_none_or(|s| s.country.as_deref() != Some("FRA")), "{e:?}");
    }
}

#[test]
fn title_before_a_person_is_the_person() {
    let evs = run_full("انتقد رئيس حزب القوات اللبنانية سمير جعجع حزب الله.", "2018-01-10");
    for e in evs.iter().filter(|e| e.event_type == "ACCUSE") {
        let t = e.target.as_ref().map(|t| t.text.as_str()).unwrap_or("");
        assert!(!t.contains("جعجع"), "{e:?}");
    }
}

#[test]
fn older_dated_report_is_not_merged_into_the_headline() {
    let text = "الجزائر تسحب سفيرها من باريس\n\nوكانت الجزائر قد استدعت سفيرها من باريس للتشاور في فبراير 2023 قبل أن يعود إلى منصبه.";
    let evs = run_full(text, "2024-07-31");
    let n = evs.iter().filter(|e| e.event_type == "SANCTION").count();
    assert_eq!(n, 2, "{evs:?}");
}

#[test]
fn headline_without_target_yields_to_the_full_report() {
    let text = "واشنطن تفرض عقوبات جديدة\n\nوفرضت الولايات المتحدة عقوبات جديدة على إيران بسبب برنامجها النووي.";
    let evs = run(text);
    let s: Vec<_> = evs.iter().filter(|e| e.event_type == "SANCTION").collect();
    assert_eq!(s.len(), 1, "{evs:?}");
    assert_eq!(s[0].target.as_ref().and_then(|t| t.country.as_deref()), Some("IRN"));
}

#[test]
fn adopting_a_resolution_is_no_support() {
    let evs = run("وكان المجلس قد صوت على القرار الذي تبناه أعضاؤه أمس.");
    assert!(evs.iter().all(|e| e.event_type != "SUPPORT"), "{evs:?}");
}

#[test]
fn function_words_load_from_data() {
    let ann = annotator();
    let w = &ann.lex.words;
    let n = marsad_text::normalize_str;
    assert!(w.past_copula.contains(&n("كانت")));
    assert!(w.perfect_particle.contains(&n("قد")));
    assert!(w.detached_object.contains(&n("إياهم")));
    assert!(w.purpose_conjunction.contains(&n("حتى")));
    assert_eq!(w.purpose_pair, vec![(n("قبل"), n("أن"))]);
    // suffixes are tried in file order: the longer pronoun before the bare ه
    assert_eq!(w.object_suffix.first().map(String::as_str), Some("ها"));
    assert_eq!(w.object_suffix.last().map(String::as_str), Some("ه"));
    assert_eq!(w.nationality_suffix.first().map(String::as_str), Some(""));
    // no list is empty: every list named in code has entries in the data file
    for l in [&w.root_waw_start, &w.root_ba_start, &w.nisba_suffix, &w.possessive_suffix, &w.head_possessive_suffix,
        &w.his_suffix, &w.alif_before_pronoun, &w.subject_verb_prefix, &w.present_prefix, &w.past_stem_initial,
        &w.past_feminine_suffix]
    {
        assert!(!l.is_empty());
    }
    for s in [&w.preposition_from, &w.preposition_in, &w.partitive] {
        assert!(!s.is_empty());
    }
}

#[test]
fn function_word_rules_read_the_lists() {
    let ann = annotator();
    // a verb with an object pronoun, and طالبوه = طالبوا + ه
    assert!(ann.verb_with_pronoun(&marsad_text::normalize_str("شنها"), 2));
    assert!(ann.verb_with_pronoun(&marsad_text::normalize_str("طالبوه"), 2));
    assert!(!ann.verb_with_pronoun(&marsad_text::normalize_str("كتاب"), 2));
    // "قبل أن تنسحب": a condition, not an event
    let evs = run("وطالبت الحكومة العراقية بالتفاوض قبل أن تنسحب القوات الأميركية من العراق.");
    assert!(!evs.iter().any(|e| e.event_type == "RETREAT"), "{evs:?}");
    let evs = run("وقالت الحكومة العراقية إن القوات الأميركية انسحبت من العراق.");
    assert!(evs.iter().any(|e| e.event_type == "RETREAT"), "{evs:?}");
}

#[test]
fn country_forms_come_from_the_entity_knowledge_base() {
    let lex = &annotator().lex;
    let n = marsad_text::normalize_str;
    // keys are article-less normalised words, like the rest of a multi-word form
    let first =
        |w: &str| lex.actors.get(strip_article(&n(w))).and_then(|v| v.iter().find(|f| f.rest.is_empty())).cloned();
    // both spellings of Kabul name the Afghan government
    for cap in ["كابول", "كابل"] {
        let f = first(cap).expect(cap);
        assert_eq!(f.country.as_deref(), Some("AFG"), "{cap}");
        assert_eq!(f.sector.as_deref(), Some("GOV"), "{cap}");
        assert!(f.place);
    }
    let f = first("أفغانستان").expect("name");
    assert_eq!((f.country.as_deref(), f.sector.as_deref(), f.kind), (Some("AFG"), None, ActorKind::Name));
    // the demonym stem أفغاني yields the inflected nationality adjectives
    for adj in ["أفغاني", "أفغانية", "أفغانيين", "أفغانيون"] {
        let f = first(adj).expect(adj);
        assert_eq!((f.country.as_deref(), f.kind), (Some("AFG"), ActorKind::Nationality), "{adj}");
    }
    // a capital that is also the country's name stays the country (no GOV)
    let f = first("الكويت").expect("kuwait");
    assert_eq!((f.country.as_deref(), f.sector.as_deref()), (Some("KWT"), None));
    // event-only additions: a seat of government and a bloc
    let f = lex.actors.get("بيت").and_then(|v| v.iter().find(|f| f.rest == vec!["ابيض".to_string()])).expect("white house");
    assert_eq!((f.country.as_deref(), f.sector.as_deref(), f.actor.as_deref()), (Some("USA"), Some("GOV"), Some("usa-gov")));
    let f = first("أوروبية").expect("european");
    assert_eq!((f.country.as_deref(), f.kind), (Some("EUR"), ActorKind::Nationality));
}

#[test]
fn ending_filter_lets_every_trigger_key_through_with_its_clitics() {
    let lex = &annotator().lex;
    let keys: Vec<&str> = lex.forms.keys().collect();
    assert!(keys.len() > 1000);
    for k in keys {
        for w in [k.to_string(), format!("و{k}"), format!("وال{k}"), format!("لل{k}")] {
            assert!(lex.trigger_endings.may_have_suffix_key(&w), "{w}");
        }
    }
}

#[test]
fn actor_ending_filter_lets_every_actor_key_through_with_its_clitics() {
    let lex = &annotator().lex;
    let keys: Vec<&str> = lex.actors.keys().collect();
    assert!(keys.len() > 500);
    for k in keys {
        // a key of one letter has no ending in the filter: there must be none
        assert!(k.chars().count() >= 2, "{k}");
        for w in [k.to_string(), format!("و{k}"), format!("ال{k}"), format!("وال{k}"), format!("لل{k}"), format!("فب{k}")] {
            assert!(lex.actor_endings.may_have_suffix_key(&w), "{w}");
        }
    }
}

#[test]
fn demonym_gate_never_rejects_a_nationality_the_knowledge_base_knows() {
    let lex = &annotator().lex;
    let keys: Vec<&String> = marsad_entities::kb::kb().demonyms.keys().collect();
    assert!(keys.len() > 500);
    for k in keys {
        for w in [k.to_string(), format!("و{k}"), format!("ب{k}"), format!("وب{k}"), format!("ل{k}")] {
            let w = marsad_text::normalize_str(&w);
            assert_eq!(
                lex.nationality(&w).map(|i| i.id),
                marsad_entities::nationality(&w).map(|i| i.id),
                "{w}"
            );
        }
    }
    assert!(lex.nationality("اجتماع").is_none());
}

#[test]
fn clitic_readings_of_a_word() {
    let readings = |w: &str| {
        let w = marsad_text::normalize_str(w);
        lexicon::variants(&w).iter().map(|&(off, clitic)| (w[off..].to_string(), clitic)).collect::<Vec<_>>()
    };
    let n = |w: &str| marsad_text::normalize_str(w);
    assert_eq!(readings("والاجتماع"), vec![(n("والاجتماع"), false), (n("الاجتماع"), false), (n("اجتماع"), true)]);
    assert_eq!(readings("للعراق"), vec![(n("للعراق"), false), (n("لعراق"), true), (n("عراق"), true)]);
    assert_eq!(readings("وبالقصف"), vec![(n("وبالقصف"), false), (n("بالقصف"), false), (n("القصف"), true), (n("قصف"), true)]);
    assert_eq!(readings("كتب"), vec![(n("كتب"), false), (n("تب"), true)]);
    // readings keep two letters at least
    assert_eq!(readings("بل"), vec![(n("بل"), false)]);
    assert!(readings("").is_empty());
}

#[test]
fn ending_filter_rejects_endings_it_never_saw() {
    let mut f = marsad_text::EndingFilter::default();
    f.insert("اجتماع");
    f.insert("قصف");
    assert!(f.may_have_suffix_key("والاجتماع") && f.may_have_suffix_key("بقصف"));
    assert!(!f.may_have_suffix_key("مدينة") && !f.may_have_suffix_key("ب"));
}

/// The per-thread word memos (the vocabulary's, the entity layer's, the
/// tagger's and this layer's) change no result: an article analysed on a
/// thread that has already seen every evaluation article gives the events
/// it gives on a fresh thread, where every memo starts empty.
#[test]
fn warm_word_memos_give_the_events_of_cold_ones() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/events");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).unwrap_or_default()).collect();
    assert!(texts.len() >= 10, "the evaluation articles are there ({})", texts.len());
    for t in texts.iter().rev() {
        run_full(t, "2024-01-27");
    }
    let mut events = 0;
    for t in &texts {
        let warm = run_full(t, "2024-01-27");
        let text = t.clone();
        let cold = std::thread::spawn(move || run_full(&text, "2024-01-27")).join().expect("no panic");
        assert_eq!(warm, cold, "{}", t.chars().take(60).collect::<String>());
        events += warm.len();
    }
    assert!(events >= 20, "the articles have events ({events})");
}
