use super::*;

fn run(text: &str) -> Vec<Event> {
    let ann = EventAnnotator::new();
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
