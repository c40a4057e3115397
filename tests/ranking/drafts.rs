//! Draft reasons and provisional results.

use super::*;

// ----- Draft reasons and provisional results -------------------------------------------------

#[test]
fn a_reason_typed_before_deciding_is_the_pairs_draft_and_becomes_its_reason() {
    let mut ranking = ranking_of(3);
    assert!(ranking.write_reason(&id(0), &id(1), "Rent is due".into()));
    // The draft belongs to that pair, in either order, and to no other.
    assert_eq!(ranking.reason_for(&id(1), &id(0)), "Rent is due");
    assert_eq!(ranking.reason_for(&id(0), &id(2)), "");
    // It survives a save and a load.
    let stored = serde_json::to_string(&ranking).unwrap();
    let mut ranking: Ranking = serde_json::from_str(&stored).unwrap();
    assert_eq!(ranking.reason_for(&id(0), &id(1)), "Rent is due");
    // Deciding the pair takes the draft as its reason and leaves no draft behind.
    let reason = ranking.reason_for(&id(0), &id(1));
    assert!(ranking.decide(&id(0), &id(1), Outcome::Tie, reason, 0.0));
    assert!(ranking.drafts.is_empty());
    assert_eq!(
        ranking.decision_for(&id(0), &id(1)).unwrap().reason,
        "Rent is due"
    );
    // Typing on a decided pair edits its reason directly.
    assert!(ranking.write_reason(&id(1), &id(0), "Rent is due now".into()));
    assert_eq!(
        ranking.decision_for(&id(0), &id(1)).unwrap().reason,
        "Rent is due now"
    );
    assert!(ranking.drafts.is_empty());
}

#[test]
fn deciding_another_pair_never_moves_or_wipes_a_draft() {
    let mut ranking = ranking_of(3);
    assert!(ranking.write_reason(&id(0), &id(2), "draft".into()));
    win(&mut ranking, 0, 1);
    win(&mut ranking, 1, 2);
    assert_eq!(ranking.reason_for(&id(0), &id(2)), "draft");
    assert_eq!(ranking.decision_for(&id(0), &id(1)).unwrap().reason, "");
    assert_eq!(ranking.decision_for(&id(1), &id(2)).unwrap().reason, "");
}

#[test]
fn drafts_are_refused_for_unknown_pairs_cleared_when_empty_and_dropped_with_their_item() {
    let mut ranking = ranking_of(3);
    assert!(!ranking.write_reason(&id(0), &id(0), "self".into()));
    assert!(!ranking.write_reason(&id(0), "nobody", "unknown".into()));
    assert!(ranking.drafts.is_empty());
    assert!(ranking.write_reason(&id(0), &id(1), "x".into()));
    assert!(ranking.write_reason(&id(1), &id(0), String::new()));
    assert!(ranking.drafts.is_empty(), "an emptied box leaves no draft");
    assert!(ranking.write_reason(&id(0), &id(1), "x".into()));
    assert!(ranking.write_reason(&id(1), &id(2), "y".into()));
    ranking.remove_item(&id(0));
    assert_eq!(ranking.drafts.len(), 1);
    assert_eq!(ranking.reason_for(&id(1), &id(2)), "y");
    assert!(ranking.check().is_empty());
}

#[test]
fn a_ranking_without_drafts_is_stored_exactly_as_before() {
    let mut ranking = ranking_of(2);
    win(&mut ranking, 0, 1);
    let text = serde_json::to_string(&ranking).unwrap();
    assert!(!text.contains("drafts"), "{text}");
}

#[test]
fn results_are_provisional_until_every_pair_is_decided() {
    let mut ranking = ranking_of(4);
    win(&mut ranking, 0, 1);
    win(&mut ranking, 2, 3);
    let status = ranking.results_status();
    assert_eq!(
        (status.decided, status.total, status.complete),
        (2, 6, false)
    );
    assert_eq!(
        status.provisional_note().as_deref(),
        Some("2 of 6 pairs decided: ranks are provisional")
    );
    // Items 0 and 2 share the top score and were never compared: no "no result separates
    // them" claim.
    let standings = ranking.standings();
    let top: Vec<&Standing> = standings.iter().filter(|s| s.rank == 1).collect();
    assert_eq!(top.len(), 2);
    for standing in top {
        assert!(
            matches!(standing.settled_by, TieBreak::NotYetCompared { .. }),
            "{standing:?}"
        );
    }
    let csv = scores_csv(&ranking);
    assert!(!csv.contains("no result separates them"), "{csv}");
    let meta = FigureMeta::default();
    let chart = bar_chart_svg(&ranking, &meta);
    assert!(
        chart.contains("2 of 6 pairs decided: ranks are provisional"),
        "{chart}"
    );
    let finished = decide_all(4, &[0, 0, 0, 0, 0, 0]);
    assert!(!bar_chart_svg(&finished, &meta).contains("provisional"));
    let all = decide_all(4, &[0, 0, 0, 0, 0, 0]);
    assert_eq!(all.results_status().provisional_note(), None);
}

#[test]
fn a_tie_among_items_all_compared_still_shares_the_rank() {
    let mut ranking = ranking_of(2);
    tie(&mut ranking, 0, 1);
    assert!(ranking
        .standings()
        .iter()
        .all(|s| matches!(s.settled_by, TieBreak::Shared { .. })));
}

#[test]
fn the_decide_screen_shows_a_revisited_pair_else_the_next_and_backspace_walks_back() {
    let mut ranking = ranking_of(3);
    let first = ranking.current_pair(None).expect("a pair to ask");
    assert_eq!(Some(first.clone()), ranking.next_pair());
    // Nothing decided yet: nowhere to go back to.
    assert_eq!(ranking.previous_pair(Some(&first)), None);
    let (a, b) = first.clone();
    assert!(ranking.decide(&a, &b, Outcome::Tie, String::new(), 0.0));
    let second = ranking.current_pair(None).expect("a second pair");
    assert_ne!(second, first);
    // From an undecided pair, Backspace goes to the last decision; from the first decision,
    // nowhere.
    assert_eq!(ranking.previous_pair(Some(&second)), Some(first.clone()));
    assert_eq!(ranking.previous_pair(Some(&first)), None);
    // A revisited pair is shown while both items exist; not once one is removed.
    assert_eq!(ranking.current_pair(Some(&first)), Some(first.clone()));
    let stale = (a.clone(), "gone".to_string());
    assert_eq!(ranking.current_pair(Some(&stale)), ranking.next_pair());
    let own = (a.clone(), a.clone());
    assert_eq!(ranking.current_pair(Some(&own)), ranking.next_pair());
}

#[test]
fn quick_mode_calls_its_unfinished_order_provisional_in_questions() {
    let mut ranking = ranking_of(4);
    ranking.method = RankingMethod::Quick;
    let status = ranking.results_status();
    assert!(!status.complete);
    let note = status.provisional_note().expect("unfinished");
    assert!(note.starts_with("0 questions answered (at most "), "{note}");
    assert!(note.ends_with("the order is provisional"), "{note}");
}

#[test]
fn a_stale_draft_beside_a_decision_never_hides_the_decisions_reason() {
    // As a damaged or hand-edited file might hold it.
    let mut ranking = ranking_of(2);
    assert!(ranking.decide(&id(0), &id(1), Outcome::Tie, "kept".into(), 0.0));
    ranking
        .drafts
        .push(pla_workshop::model::ranking::DraftReason {
            a: id(0),
            b: id(1),
            text: "stale".into(),
        });
    assert_eq!(ranking.reason_for(&id(0), &id(1)), "kept");
}

#[test]
fn the_comparison_writes_a_shared_rank_as_shared() {
    // Group A: a tie between 0 and 1 at the top; group B: a plain order.
    let mut a = ranking_of(3);
    tie(&mut a, 0, 1);
    win(&mut a, 0, 2);
    win(&mut a, 1, 2);
    let b = decide_all(3, &[0, 0, 0]);
    let comparison = compare(&[("A".to_string(), &a), ("B".to_string(), &b)]);
    let row = |label: &str| {
        comparison
            .items
            .iter()
            .position(|i| i.label == label)
            .expect("compared")
    };
    assert_eq!(comparison.rank_text(row("Item 0"), 0), "=1");
    assert_eq!(comparison.rank_text(row("Item 1"), 0), "=1");
    assert_eq!(comparison.rank_text(row("Item 2"), 0), "3");
    assert_eq!(comparison.rank_text(row("Item 0"), 1), "1");
    assert_eq!(comparison.rank_text(99, 0), "—");
}
