#![cfg(not(target_arch = "wasm32"))]
//! The session plan: the running order (an empty plan is the exercises in order; breaks;
//! exercises that are gone), reordering by one and to an index, and planned against actual
//! time as the facilitator opens and leaves each step.

use pla_workshop::model::plan::{PlanEntry, RunningItem};
use pla_workshop::model::{ExerciseKind, Millis, Workshop};

const MINUTE: Millis = 60_000.0;
/// 10:00 on the day, in milliseconds: any start will do.
const START: Millis = 1_791_453_600_000.0;

fn at(minutes: f64) -> Millis {
    START + minutes * MINUTE
}

/// A workshop with exercises `a`, `b`, `c` (in that order) and no plan.
fn workshop() -> Workshop {
    let mut w = Workshop::new("w".into(), "Session", 0.0);
    w.add_exercise("a".into(), ExerciseKind::OrganisationalMap, "Map");
    w.add_exercise("b".into(), ExerciseKind::Vignette, "Vignette");
    w.add_exercise("c".into(), ExerciseKind::PairwiseRanking, "Ranking");
    w
}

fn keys(w: &Workshop) -> Vec<String> {
    w.running_order()
        .iter()
        .map(|item| item.key().to_string())
        .collect()
}

#[test]
fn an_empty_plan_runs_the_exercises_in_order_and_new_ones_join_the_end() {
    let mut w = workshop();
    assert_eq!(keys(&w), ["a", "b", "c"]);
    let first = &w.running_order()[0];
    assert_eq!(
        first,
        &RunningItem {
            plan_id: None,
            entry: PlanEntry::Exercise {
                exercise_id: "a".into()
            },
            planned_minutes: None,
        }
    );
    assert!(w.plan.is_empty(), "reading the order writes nothing");
    w.add_exercise("d".into(), ExerciseKind::PowerVenn, "Venn");
    assert_eq!(keys(&w), ["a", "b", "c", "d"]);
    assert!(Workshop::new("e".into(), "Empty", 0.0)
        .running_order()
        .is_empty());
}

#[test]
fn a_break_goes_where_it_is_put_and_the_order_on_screen_does_not_change_by_itself() {
    let mut w = workshop();
    assert!(w.add_break("tea".into(), "Tea".into(), 15, 1));
    assert_eq!(keys(&w), ["a", "tea", "b", "c"]);
    // Only what comes before the break had to enter the plan; it keeps its exercise's id.
    let plan: Vec<&str> = w.plan.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(plan, ["a", "tea"]);
    assert_eq!(w.running_order()[1].planned_minutes, Some(15));
    assert_eq!(
        w.running_order()[0].planned_minutes,
        None,
        "0 minutes: no plan"
    );
    assert!(
        w.add_break("end".into(), String::new(), 0, 99),
        "a break with no title, at the end"
    );
    assert_eq!(keys(&w), ["a", "tea", "b", "c", "end"]);
    assert!(
        !w.add_break("tea".into(), "again".into(), 5, 0),
        "a used id"
    );
    assert!(!w.add_break("b".into(), "an exercise's id".into(), 5, 0));
    assert!(!w.add_break(String::new(), "no id".into(), 5, 0));
    assert!(w.rename_break("tea", "Tea and coffee"));
    assert!(!w.rename_break("tea", "Tea and coffee"));
    assert!(!w.rename_break("a", "an exercise is not a break"));
    assert!(w.remove_break("a").is_none(), "an exercise is not a break");
    assert_eq!(w.remove_break("end").map(|p| p.id), Some("end".into()));
    assert_eq!(keys(&w), ["a", "tea", "b", "c"]);
    assert!(w.check().is_empty(), "{:?}", w.check());
}

#[test]
fn an_exercise_that_is_gone_leaves_the_running_order() {
    let mut w = workshop();
    assert!(w.add_break("tea".into(), "Tea".into(), 15, 3));
    assert_eq!(keys(&w), ["a", "b", "c", "tea"]);
    // Removed from the workshop: its plan entry goes with it.
    assert!(w.remove_exercise("b").is_some());
    assert_eq!(keys(&w), ["a", "c", "tea"]);
    assert!(w.plan.iter().all(|p| p.id != "b"));
    // A stale entry (a damaged exercise put aside, a file edited by hand) is accepted,
    // skipped, and dropped by the next plan edit.
    w.exercises.retain(|e| e.id != "c");
    assert!(w.check().is_empty(), "{:?}", w.check());
    assert_eq!(keys(&w), ["a", "tea"]);
    assert!(w.set_planned_minutes("a", 20));
    assert!(w.plan.iter().all(|p| p.id != "c"));
    assert!(!w.set_planned_minutes("c", 5), "nothing to plan");
}

#[test]
fn check_holds_the_plans_rules() {
    let mut w = workshop();
    assert!(w.add_break("tea".into(), "Tea".into(), 15, 1));
    let mut twice = w.clone();
    twice.plan.push(twice.plan[0].clone());
    let problems = twice.check();
    assert!(
        problems.iter().any(|p| p.contains("is used twice")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("in the plan twice")),
        "{problems:?}"
    );
    let mut named_after_another = w.clone();
    named_after_another.plan[1].id = "c".into();
    assert!(named_after_another.check()[0].contains("another exercise's id"));
    let mut empty = w.clone();
    empty.plan[1].id = String::new();
    assert!(empty.check()[0].contains("the id is empty"));
}

#[test]
fn reordering_by_one_and_to_an_index_moves_the_step_and_nothing_else() {
    let mut w = workshop();
    assert!(w.add_break("tea".into(), "Tea".into(), 15, 1));
    // By keyboard: one place at a time, unplanned exercises included.
    assert!(w.move_plan_item("c", -1));
    assert_eq!(keys(&w), ["a", "tea", "c", "b"]);
    assert!(w.move_plan_item("a", 1));
    assert_eq!(keys(&w), ["tea", "a", "c", "b"]);
    assert!(!w.move_plan_item("tea", -1), "past the top");
    assert!(!w.move_plan_item("b", 1), "past the bottom");
    assert!(!w.move_plan_item("nope", 1));
    // By drag and drop: to an index, clamped to the end.
    assert!(w.move_plan_item_to("tea", 2));
    assert_eq!(keys(&w), ["a", "c", "tea", "b"]);
    assert!(w.move_plan_item_to("a", 99));
    assert_eq!(keys(&w), ["c", "tea", "b", "a"]);
    assert!(!w.move_plan_item_to("a", 3), "already there");
    // The exercises' own order is untouched.
    let order: Vec<&str> = w.exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(order, ["a", "b", "c"]);
    assert!(w.check().is_empty());
}

#[test]
fn planned_against_actual_with_a_reorder_in_the_middle() {
    let mut w = workshop();
    assert!(w.set_planned_minutes("a", 30));
    assert!(w.set_planned_minutes("b", 20));
    assert!(!w.set_planned_minutes("b", 20), "no change");
    assert!(w.add_break("tea".into(), "Tea".into(), 15, 1));
    assert!(w.record_open("a", at(0.0)));
    assert!(!w.record_open("a", at(5.0)), "already open");
    assert!(
        w.record_open("tea", at(35.0)),
        "the map ran five minutes over"
    );
    assert!(w.is_over("a", at(35.0)));
    assert_eq!(w.time_left("a", at(35.0)), Some(-5.0));
    // The group decides to do the ranking before the vignette.
    assert!(w.move_plan_item("c", -1));
    assert_eq!(keys(&w), ["a", "tea", "c", "b"]);
    assert!(w.record_open("c", at(50.0)));
    assert!(w.record_open("b", at(70.0)));
    // Back to the map for a minute, then on.
    assert!(w.record_open("a", at(85.0)));
    assert!(w.record_leave(at(87.0)));
    assert!(!w.record_leave(at(88.0)), "nothing open");
    assert_eq!(w.actual_minutes("a", at(200.0)), 37.0);
    assert_eq!(w.actual_minutes("tea", at(200.0)), 15.0);
    assert_eq!(w.actual_minutes("c", at(200.0)), 20.0);
    assert_eq!(w.actual_minutes("b", at(200.0)), 15.0);
    assert_eq!(w.time_left("b", at(200.0)), Some(5.0));
    assert_eq!(w.time_left("c", at(200.0)), None, "nothing planned");
    assert!(!w.is_over("c", at(200.0)));
    assert_eq!(w.time_left("tea", at(200.0)), Some(0.0));
    assert!(!w.is_over("tea", at(200.0)), "on time is not over");
    assert!(w.check().is_empty());
}

#[test]
fn an_open_visit_counts_up_to_now_and_opening_another_closes_it() {
    let mut w = workshop();
    assert!(w.set_planned_minutes("b", 10));
    assert_eq!(w.actual_minutes("b", at(0.0)), 0.0, "never opened");
    assert!(w.record_open("b", at(0.0)));
    assert_eq!(w.open_plan_item().map(|p| p.id.as_str()), Some("b"));
    assert_eq!(w.actual_minutes("b", at(4.0)), 4.0);
    assert_eq!(w.time_left("b", at(4.0)), Some(6.0));
    assert!(w.is_over("b", at(12.5)));
    assert_eq!(w.time_left("b", at(12.5)), Some(-2.5));
    // Opening an unplanned exercise puts it (and those before it) in the plan, and closes b.
    assert!(w.record_open("c", at(13.0)));
    assert_eq!(w.actual_minutes("b", at(60.0)), 13.0);
    assert_eq!(w.open_plan_item().map(|p| p.id.as_str()), Some("c"));
    assert_eq!(keys(&w), ["a", "b", "c"]);
    assert!(!w.record_open("nope", at(14.0)));
}

#[test]
fn nonsense_times_count_nothing_and_are_not_recorded() {
    let mut w = workshop();
    assert!(w.set_planned_minutes("a", 10));
    assert!(!w.record_open("a", f64::NAN));
    assert!(!w.record_open("a", f64::INFINITY));
    assert!(w.plan[0].visits.is_empty());
    assert!(w.record_open("a", at(10.0)));
    assert!(!w.record_leave(f64::NAN));
    // Left before it was opened (a clock put back): 0, not a negative time.
    assert!(w.record_leave(at(5.0)));
    assert_eq!(w.actual_minutes("a", at(60.0)), 0.0);
    // Damaged times in a file count nothing, and never panic.
    let mut damaged = w.clone();
    damaged.plan[0].visits[0].opened_at = f64::NAN;
    assert_eq!(damaged.actual_minutes("a", at(60.0)), 0.0);
    damaged.plan[0].visits[0] = pla_workshop::model::plan::Visit {
        opened_at: at(0.0),
        left_at: None,
    };
    assert_eq!(damaged.actual_minutes("a", f64::NAN), 0.0);
    assert_eq!(damaged.time_left("a", f64::NAN), Some(10.0));
}

#[test]
fn a_duplicated_workshop_keeps_its_plan_on_the_new_exercises() {
    let mut w = workshop();
    assert!(w.add_break("tea".into(), "Tea".into(), 15, 1));
    assert!(w.set_planned_minutes("c", 25));
    let mut n = 0;
    let copy = w.duplicate(
        || {
            n += 1;
            format!("new-{n}")
        },
        1.0,
    );
    assert!(copy.check().is_empty(), "{:?}", copy.check());
    let titles: Vec<String> = copy
        .running_order()
        .iter()
        .map(|item| match &item.entry {
            PlanEntry::Exercise { exercise_id } => copy
                .exercise(exercise_id)
                .map(|e| e.title.clone())
                .unwrap_or_default(),
            PlanEntry::Break { title } => title.clone(),
        })
        .collect();
    assert_eq!(titles, ["Map", "Tea", "Vignette", "Ranking"]);
    let ranking = copy.exercises[2].id.clone();
    assert_eq!(
        copy.running_order()[3].key(),
        ranking,
        "named by its exercise still"
    );
    assert_eq!(copy.time_left(&ranking, 0.0), Some(25.0));
}

/// Undo brings back an earlier plan, but the times recorded since stay.
#[test]
fn an_earlier_plan_keeps_the_times_recorded_since() {
    let mut now = workshop();
    assert!(now.record_open("a", at(0.0)));
    let before = now.clone();
    assert!(now.set_planned_minutes("a", 20));
    assert!(now.record_open("b", at(1.0)));
    let mut undone = before;
    undone.keep_visits_of(&now.plan);
    assert_eq!(undone.plan_item("a").map(|i| i.planned_minutes), Some(0));
    assert_eq!(undone.plan_item("a").map(|i| i.visits.len()), Some(1));
    assert!((undone.actual_minutes("a", at(2.0)) - 1.0).abs() < 1e-9);
}

/// A step put in the plan only by being opened, after the state brought back, keeps its time.
#[test]
fn an_earlier_plan_keeps_times_of_steps_first_opened_since() {
    let before = workshop();
    let mut now = before.clone();
    assert!(now.record_open("b", at(0.0)));
    assert!(now.record_open("c", at(2.0)));
    let mut undone = before;
    undone.keep_visits_of(&now.plan);
    assert!((undone.actual_minutes("b", at(5.0)) - 2.0).abs() < 1e-9);
    assert!(
        (undone.actual_minutes("c", at(5.0)) - 3.0).abs() < 1e-9,
        "the open visit stays open"
    );
    assert_eq!(keys(&undone), ["a", "b", "c"]);
    assert!(undone.check().is_empty());
}

/// A duplicated workshop is a new session: no times of the old one.
#[test]
fn a_duplicated_workshop_starts_with_no_times() {
    let mut w = workshop();
    assert!(w.record_open("a", at(0.0)));
    let mut n = 0;
    let copy = w.duplicate(
        || {
            n += 1;
            format!("id-{n}")
        },
        at(1.0),
    );
    assert!(copy.plan.iter().all(|item| item.visits.is_empty()));
}
