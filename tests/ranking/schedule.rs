//! The matrix schedule (which pair comes next) and quick mode.

use super::*;

// ----- The matrix schedule -------------------------------------------------------------------

fn shares_an_item(p: &(String, String), q: &(String, String)) -> bool {
    p.0 == q.0 || p.0 == q.1 || p.1 == q.0 || p.1 == q.1
}

#[test]
fn the_schedule_asks_every_pair_once_and_never_the_same_item_twice_running() {
    for n in 2..=40 {
        let ranking = ranking_of(n);
        let schedule = ranking.schedule();
        assert_eq!(schedule.len(), n * (n - 1) / 2, "n = {n}");
        let mut pairs = HashSet::new();
        for (a, b) in &schedule {
            assert_ne!(a, b);
            assert!(ranking.item(a).is_some() && ranking.item(b).is_some());
            assert!(
                pairs.insert(if a < b { (a, b) } else { (b, a) }),
                "n = {n}: repeated pair"
            );
        }
        let repeats = schedule
            .windows(2)
            .filter(|w| shares_an_item(&w[0], &w[1]))
            .count();
        if n >= 5 {
            assert_eq!(repeats, 0, "n = {n}");
        } else if n >= 3 {
            assert_eq!(repeats, 2, "n = {n}: 3 and 4 items cannot do better");
        }
        assert_eq!(schedule, ranking.schedule(), "deterministic");
    }
}

#[test]
fn each_item_comes_up_evenly_through_the_session() {
    for n in 5..=30 {
        let schedule = ranking_of(n).schedule();
        let per_round = n / 2;
        for i in 0..n {
            let turns: Vec<usize> = schedule
                .iter()
                .enumerate()
                .filter(|(_, (a, b))| *a == id(i) || *b == id(i))
                .map(|(position, _)| position)
                .collect();
            assert_eq!(turns.len(), n - 1);
            // Round robin: an item waits at most two rounds (three when it sits one out).
            let longest_wait = turns.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
            let allowed = if n % 2 == 0 {
                2 * per_round
            } else {
                3 * per_round
            };
            assert!(
                longest_wait <= allowed,
                "n = {n}, item {i}: waits {longest_wait} pairs (allowed {allowed})"
            );
            assert!(
                turns[0] < 2 * per_round + 1,
                "n = {n}: item {i} first seen late"
            );
        }
        // Neither side of the screen favours an item.
        for i in 0..n {
            let first = schedule.iter().filter(|(a, _)| *a == id(i)).count();
            let second = schedule.iter().filter(|(_, b)| *b == id(i)).count();
            assert!(
                first.abs_diff(second) <= 1,
                "n = {n}, item {i}: {first} v {second}"
            );
        }
    }
}

#[test]
fn next_pair_resumes_where_the_group_left_off() {
    let mut ranking = ranking_of(7);
    let schedule = ranking.schedule();
    let mut asked = Vec::new();
    while let Some((a, b)) = ranking.next_pair() {
        asked.push((a.clone(), b.clone()));
        assert!(ranking.decide(&a, &b, Outcome::Wins(a.clone()), String::new(), 0.0));
        // Leaving and coming back (a copy, as when reloaded from storage) resumes.
        let reloaded: Ranking =
            serde_json::from_str(&serde_json::to_string(&ranking).expect("saves")).expect("loads");
        assert_eq!(reloaded.next_pair(), ranking.next_pair());
    }
    assert_eq!(asked, schedule);
    // Decided out of order: the first undecided pair of the schedule comes next.
    let mut ranking = ranking_of(7);
    let (a, b) = schedule[0].clone();
    let (c, d) = schedule[3].clone();
    assert!(ranking.decide(&c, &d, Outcome::Tie, String::new(), 0.0));
    assert_eq!(ranking.next_pair(), Some((a.clone(), b.clone())));
    assert!(ranking.decide(&b, &a, Outcome::Tie, String::new(), 0.0));
    assert_eq!(ranking.next_pair(), Some(schedule[1].clone()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn any_ids_give_a_full_schedule_without_repeats(
        labels in prop::collection::vec("[a-z]{1,6}", 5..=30)
    ) {
        let mut ranking = Ranking::default();
        for label in &labels {
            ranking.add_item(label.clone(), label.clone());
        }
        let n = ranking.items.len();
        let schedule = ranking.schedule();
        prop_assert_eq!(schedule.len(), n * n.saturating_sub(1) / 2);
        let distinct: HashSet<(String, String)> = schedule
            .iter()
            .map(|(a, b)| if a < b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) })
            .collect();
        prop_assert_eq!(distinct.len(), schedule.len());
        if n >= 5 {
            prop_assert!(schedule.windows(2).all(|w| !shares_an_item(&w[0], &w[1])));
        }
    }
}

// ----- Quick mode ----------------------------------------------------------------------------

#[test]
fn the_bounds_are_the_known_figures() {
    assert_eq!(binary_insertion_bound(30), 119);
    assert_eq!(ford_johnson_bound(30), 111);
    assert_eq!(comparison_lower_bound(30), 108);
    assert_eq!(binary_insertion_bound(0), 0);
    assert_eq!(ford_johnson_bound(0), 0);
    for n in 0..=200 {
        assert!(comparison_lower_bound(n) <= ford_johnson_bound(n));
        assert!(ford_johnson_bound(n) <= binary_insertion_bound(n));
    }
}

#[test]
fn quick_mode_sorts_every_permutation_of_up_to_eight_items_within_the_bound() {
    for n in 0..=8 {
        let ids: Vec<String> = (0..n).map(id).collect();
        let mut order: Vec<usize> = (0..n).collect();
        let mut most = 0;
        let mut permutations = 0;
        loop {
            // order[k] is the true rank of item k.
            let rank_of: HashMap<String, usize> = (0..n).map(|k| (id(k), order[k])).collect();
            let (sorted, questions) = sort_quickly(&ids, &rank_of);
            let ranks: Vec<usize> = sorted.iter().map(|i| rank_of[i]).collect();
            assert_eq!(ranks, (0..n).collect::<Vec<_>>(), "n = {n}, {order:?}");
            assert!(
                questions <= ford_johnson_bound(n),
                "n = {n}: {questions} questions"
            );
            most = most.max(questions);
            permutations += 1;
            if !next_permutation(&mut order) {
                break;
            }
        }
        assert_eq!(permutations, (1..=n).product::<usize>());
        // Ford–Johnson's worst case is reached, and it meets the lower bound up to 8.
        assert_eq!(most, ford_johnson_bound(n), "n = {n}");
        assert!(most <= binary_insertion_bound(n));
        assert_eq!(most, comparison_lower_bound(n), "n = {n}");
    }
}

#[test]
fn quick_mode_needs_at_most_111_questions_for_thirty_items() {
    let n = 30;
    let ids: Vec<String> = (0..n).map(id).collect();
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let mut most = 0;
    let mut total = 0;
    for _ in 0..100 {
        let mut order: Vec<usize> = (0..n).collect();
        random.shuffle(&mut order);
        let rank_of: HashMap<String, usize> = (0..n).map(|k| (id(k), order[k])).collect();
        let (sorted, questions) = sort_quickly(&ids, &rank_of);
        assert!(sorted.windows(2).all(|w| rank_of[&w[0]] < rank_of[&w[1]]));
        most = most.max(questions);
        total += questions;
    }
    println!(
        "quick mode, 30 items, 100 random orders: at most {most} questions, {:.1} on average \
         (Ford–Johnson bound {}, binary insertion {}, lower bound {})",
        total as f64 / 100.0,
        ford_johnson_bound(n),
        binary_insertion_bound(n),
        comparison_lower_bound(n)
    );
    assert!(most <= 119);
    assert!(most <= ford_johnson_bound(n));
}

/// Plays quick mode as the app does: re-run from scratch after each answer, answering from
/// the record. Returns the order and the questions asked.
fn play_quick_mode(ids: &[String], better: impl Fn(&str, &str) -> bool) -> (Vec<String>, usize) {
    let mut record: HashMap<(String, String), bool> = HashMap::new();
    loop {
        let step = quick_step(ids, |a, b| {
            record
                .get(&(a.to_string(), b.to_string()))
                .copied()
                .or_else(|| record.get(&(b.to_string(), a.to_string())).map(|v| !v))
        });
        match step {
            QuickStep::Done(order) => return (order, record.len()),
            QuickStep::Ask(a, b) => {
                assert!(
                    !record.contains_key(&(a.clone(), b.clone()))
                        && !record.contains_key(&(b.clone(), a.clone())),
                    "asked {a} v {b} twice"
                );
                let verdict = better(&a, &b);
                record.insert((a, b), verdict);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn quick_mode_replayed_step_by_step_sorts_any_order_within_the_bound(
        order in (1usize..=30).prop_flat_map(|n| Just((0..n).collect::<Vec<usize>>()).prop_shuffle())
    ) {
        let n = order.len();
        let ids: Vec<String> = (0..n).map(id).collect();
        let (sorted, asked) = play_quick_mode(&ids, |a, b| {
            let rank = |x: &str| ids.iter().position(|i| i == x).map(|k| order[k]);
            rank(a) < rank(b)
        });
        let ranks: Vec<usize> = sorted
            .iter()
            .filter_map(|x| ids.iter().position(|i| i == x).map(|k| order[k]))
            .collect();
        prop_assert_eq!(ranks, (0..n).collect::<Vec<_>>());
        prop_assert!(asked <= ford_johnson_bound(n));
        prop_assert!(asked <= binary_insertion_bound(n));
    }

    #[test]
    fn contradictory_answers_still_give_an_order_that_agrees_with_each_one_used(
        n in 0usize..=20,
        seed in any::<u64>()
    ) {
        // Each pair gets a fixed, random verdict: cycles abound.
        let ids: Vec<String> = (0..n).map(id).collect();
        let verdict = |a: &str, b: &str| {
            let (low, high, flipped) = if a < b { (a, b, false) } else { (b, a, true) };
            let mut h = seed ^ 0x9E37_79B9_7F4A_7C15;
            for byte in low.bytes().chain([0]).chain(high.bytes()) {
                h = (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01B3);
            }
            ((h >> 33) % 2 == 0) != flipped
        };
        let used = RefCell::new(Vec::new());
        let session = quick_session(&ids, |a, b| {
            used.borrow_mut().push((a.to_string(), b.to_string()));
            Some(verdict(a, b))
        });
        let QuickStep::Done(order) = session.next else {
            return Err(TestCaseError::fail("a full answer key must finish"));
        };
        let mut sorted_ids = order.clone();
        sorted_ids.sort();
        prop_assert_eq!(sorted_ids, { let mut all = ids.clone(); all.sort(); all });
        let position: HashMap<&String, usize> =
            order.iter().enumerate().map(|(p, x)| (x, p)).collect();
        for (a, b) in used.borrow().iter() {
            let a_first = position[a] < position[b];
            prop_assert_eq!(a_first, verdict(a, b), "{} v {}", a, b);
        }
        prop_assert!(session.answered <= ford_johnson_bound(n));
    }
}

#[test]
fn quick_mode_through_the_ranking_records_and_resumes() {
    let labels = ["E", "B", "D", "A", "C", "G", "F"];
    let mut ranking = with_labels(&labels);
    ranking.method = RankingMethod::Quick;
    let true_rank = |x: &str| {
        let index = ranking_index(x);
        labels[index]
    };
    fn ranking_index(x: &str) -> usize {
        x.trim_start_matches("item-").parse().unwrap_or(usize::MAX)
    }
    let mut questions = 0;
    loop {
        let (answered, at_most) = ranking.quick_progress();
        assert_eq!(answered, questions);
        assert_eq!(at_most, ford_johnson_bound(7));
        match ranking.quick_next() {
            QuickStep::Ask(a, b) => {
                let winner = if true_rank(&a) < true_rank(&b) {
                    &a
                } else {
                    &b
                };
                let winner = winner.clone();
                assert!(ranking.decide(&a, &b, Outcome::Wins(winner), String::new(), 0.0));
                questions += 1;
            }
            QuickStep::Done(order) => {
                let shown: Vec<&str> = order.iter().map(|x| labels[ranking_index(x)]).collect();
                assert_eq!(shown, ["A", "B", "C", "D", "E", "F", "G"]);
                assert_eq!(ranking.quick_order(), Some(order));
                break;
            }
        }
    }
    assert!(questions <= ford_johnson_bound(7));
    let ranks: HashMap<String, usize> = ranking.method_ranks().into_iter().collect();
    assert_eq!(ranks[&id(3)], 1, "A first");
    assert_eq!(ranks[&id(5)], 7, "G last");
}

#[test]
fn a_tie_in_quick_mode_puts_the_earlier_item_first() {
    let mut ranking = ranking_of(2);
    ranking.method = RankingMethod::Quick;
    assert_eq!(ranking.quick_next(), QuickStep::Ask(id(0), id(1)));
    tie(&mut ranking, 1, 0);
    assert_eq!(ranking.quick_next(), QuickStep::Done(vec![id(0), id(1)]));
    assert!(ranking.decide(&id(0), &id(1), Outcome::CantDecide, String::new(), 0.0));
    assert_eq!(ranking.quick_next(), QuickStep::Done(vec![id(0), id(1)]));
    win(&mut ranking, 1, 0);
    assert_eq!(ranking.quick_next(), QuickStep::Done(vec![id(1), id(0)]));
    // Everything tied: the list order.
    let mut ranking = ranking_of(9);
    while let QuickStep::Ask(a, b) = ranking.quick_next() {
        assert!(ranking.decide(&a, &b, Outcome::Tie, String::new(), 0.0));
    }
    assert_eq!(ranking.quick_order(), Some((0..9).map(id).collect()));
}

#[test]
fn quick_mode_counts_repeated_ids_once() {
    let ids = vec![id(0), id(1), id(0)];
    let step = quick_step(&ids, |a, b| Some(a < b));
    assert_eq!(step, QuickStep::Done(vec![id(0), id(1)]));
}
