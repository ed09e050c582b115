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
    let evs = run("ولم تشن إسرائيل أي غارات على لبنان.");
    let e = evs.iter().find(|e| e.event_type == "ASSAULT").expect("assault");
    assert!(e.negated);
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
