//! Items and decisions: the item list, decisions either way round, removing an item, damaged
//! records and the file format.

use super::*;

// ----- Items and decisions -------------------------------------------------------------------

#[test]
fn items_come_one_per_non_empty_trimmed_line() {
    let text = "  Clean water \n\n\t\nSchools\r\n  Roads  \nSchools";
    assert_eq!(
        Ranking::items_from_lines(text),
        ["Clean water", "Schools", "Roads", "Schools"]
    );
    assert!(Ranking::items_from_lines("").is_empty());
    assert!(Ranking::items_from_lines(" \n \n").is_empty());
}

#[test]
fn items_are_added_renamed_moved_and_refused_sensibly() {
    let mut ranking = ranking_of(3);
    assert!(!ranking.add_item(id(0), "Again".into()), "duplicate id");
    assert!(!ranking.add_item(String::new(), "No id".into()));
    assert!(ranking.rename_item(&id(1), "Schools".into()));
    assert!(!ranking.rename_item("missing", "x".into()));
    assert_eq!(ranking.items[1].label, "Schools");
    assert!(ranking.move_item(&id(2), -1));
    assert_eq!(ranking.items[1].id, id(2));
    assert!(!ranking.move_item(&id(0), -1), "already first");
    assert!(!ranking.move_item(&id(0), 0));
    assert!(ranking.move_item(&id(0), isize::MAX));
    assert_eq!(ranking.items[2].id, id(0));
    assert!(ranking.check().is_empty());
}

#[test]
fn decisions_are_found_either_way_round_and_revised_in_place() {
    let mut ranking = ranking_of(4);
    win(&mut ranking, 0, 1);
    tie(&mut ranking, 2, 3);
    win(&mut ranking, 1, 2);
    assert_eq!(
        ranking.decision_for(&id(1), &id(0)).map(|d| &d.outcome),
        Some(&Outcome::Wins(id(0)))
    );
    assert!(ranking.decision_for(&id(0), &id(0)).is_none());
    assert!(ranking.decision_for(&id(0), "missing").is_none());
    // Revising the first decision keeps it first.
    assert!(ranking.decide(
        &id(1),
        &id(0),
        Outcome::CantDecide,
        "split vote".into(),
        9.0
    ));
    assert_eq!(ranking.decisions.len(), 3);
    assert_eq!(ranking.decisions[0].outcome, Outcome::CantDecide);
    assert_eq!(ranking.decisions[0].reason, "split vote");
    // Refusals leave the record as it was.
    let before = ranking.clone();
    assert!(!ranking.decide("missing", &id(0), Outcome::Tie, String::new(), 0.0));
    assert!(!ranking.decide(&id(0), &id(0), Outcome::Tie, String::new(), 0.0));
    assert!(!ranking.decide(&id(0), &id(1), Outcome::Wins(id(3)), String::new(), 0.0));
    assert!(!ranking.decide(
        &id(0),
        &id(1),
        Outcome::Wins("missing".into()),
        String::new(),
        0.0
    ));
    assert_eq!(ranking, before);
    // Undeciding.
    assert!(ranking.undecide(&id(3), &id(2)).is_some());
    assert!(ranking.undecide(&id(3), &id(2)).is_none());
    assert!(ranking.undecide(&id(3), &id(3)).is_none());
    assert_eq!(ranking.decisions.len(), 2);
    assert!(ranking.check().is_empty());
}

#[test]
fn removing_an_item_reports_the_decisions_dropped_with_it() {
    let mut ranking = ranking_of(4);
    win(&mut ranking, 0, 1);
    win(&mut ranking, 2, 1);
    win(&mut ranking, 2, 3);
    let dropped = ranking.remove_item(&id(1));
    assert_eq!(dropped.len(), 2);
    assert!(dropped.iter().all(|d| d.a == id(1) || d.b == id(1)));
    assert_eq!(ranking.items.len(), 3);
    assert_eq!(ranking.decisions.len(), 1);
    assert!(ranking.remove_item("missing").is_empty());
    assert!(ranking.check().is_empty());
}

#[test]
fn check_reports_duplicate_and_empty_ids() {
    let mut ranking = ranking_of(2);
    ranking.items.push(ranking.items[0].clone());
    ranking.items[1].id.clear();
    let problems = ranking.check();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems.iter().any(|p| p.starts_with("items[1]")));
    assert!(problems.iter().any(|p| p.starts_with("items[2]")));
}

#[test]
fn damaged_records_never_panic_and_bad_decisions_do_not_count() {
    let mut ranking = ranking_of(3);
    // Written as a damaged file might hold them, past `decide`'s checks.
    let raw = |a: &str, b: &str, outcome: Outcome| pla_workshop::model::ranking::Decision {
        a: a.into(),
        b: b.into(),
        outcome,
        reason: String::new(),
        decided_at: f64::NAN,
    };
    ranking.decisions = vec![
        raw(&id(0), "ghost", Outcome::Wins(id(0))),
        raw(&id(1), &id(1), Outcome::Wins(id(1))),
        raw(&id(0), &id(2), Outcome::Wins(id(1))),
        raw(&id(1), &id(2), Outcome::Wins(id(2))),
        raw(&id(2), &id(1), Outcome::Wins(id(1))),
    ];
    ranking.items.push(ranking.items[0].clone());
    assert!(!ranking.check().is_empty());
    let scores = ranking.scores();
    assert_eq!(scores.len(), 4);
    let total: f64 = scores.iter().map(|s| s.score).sum();
    assert_eq!(total, 1.0, "only the first decision on 1–2 counts");
    assert_eq!(ranking.standings().len(), 4);
    assert_eq!(
        ranking.pair_count(),
        3,
        "the repeated id is not a fourth item"
    );
    let schedule = ranking.schedule();
    assert_eq!(schedule.len(), 3);
    assert!(schedule.iter().all(|(a, b)| a != b));
    assert!(ranking.next_pair().is_some());
    assert!(matches!(ranking.quick_next(), QuickStep::Ask(..)));
    // Every export copes.
    let meta = FigureMeta::default();
    for text in [
        matrix_csv(&ranking),
        scores_csv(&ranking),
        decisions_csv(&ranking),
        matrix_svg(&ranking, &meta),
        bar_chart_svg(&ranking, &meta),
    ] {
        assert!(!text.is_empty());
    }
    // Deciding the pair again heals the duplicates.
    assert!(ranking.decide(&id(1), &id(2), Outcome::Tie, String::new(), 1.0));
    assert_eq!(
        ranking
            .decisions
            .iter()
            .filter(|d| d.a != d.b && (d.a == id(1) || d.b == id(1)) && d.a != id(0))
            .count(),
        1
    );
}

#[test]
fn empty_and_single_item_rankings_are_fine() {
    for n in 0..2 {
        let ranking = ranking_of(n);
        assert_eq!(ranking.pair_count(), 0);
        assert_eq!(ranking.progress(), (0, 0));
        assert!(ranking.schedule().is_empty());
        assert_eq!(ranking.next_pair(), None);
        assert_eq!(ranking.standings().len(), n);
        assert_eq!(
            ranking.quick_next(),
            QuickStep::Done((0..n).map(id).collect())
        );
    }
}

#[test]
fn the_file_format_is_unchanged() {
    let mut ranking = with_labels(&["Water", "Roads"]);
    win(&mut ranking, 0, 1);
    let json = serde_json::to_value(&ranking).expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({
            "method": "matrix",
            "items": [
                { "id": "item-0", "label": "Water", "description": "" },
                { "id": "item-1", "label": "Roads", "description": "" }
            ],
            "decisions": [
                { "a": "item-0", "b": "item-1", "outcome": { "wins": "item-0" },
                  "reason": "", "decided_at": 0.0 }
            ]
        })
    );
    let outcomes: Vec<Outcome> =
        serde_json::from_str(r#"[{"wins":"x"},"tie","cant_decide"]"#).expect("reads");
    assert_eq!(
        outcomes,
        [Outcome::Wins("x".into()), Outcome::Tie, Outcome::CantDecide]
    );
    let quick: Ranking = serde_json::from_str(r#"{"method":"quick"}"#).expect("reads");
    assert_eq!(quick.method, RankingMethod::Quick);
}
