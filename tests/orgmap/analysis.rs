//! Analysis: degree and betweenness against known small graphs and a brute-force count,
//! brokers, the group matrix and filters.

use super::{actor, assert_invariants, close, graph, ids, link};
use pla_workshop::model::orgmap::{Contribution, MapFilter, OrgMap, Resource};
use proptest::prelude::*;

// ----- Analysis ------------------------------------------------------------------------------

fn measure<'a>(
    analysis: &'a pla_workshop::model::orgmap::Analysis,
    id: &str,
) -> &'a pla_workshop::model::orgmap::ActorAnalysis {
    analysis
        .actors
        .iter()
        .find(|a| a.actor_id == id)
        .expect("every actor is analysed")
}

#[test]
fn a_one_way_path_has_its_middle_actors_between() {
    // a → b → c → d
    let map = graph(
        &[("a", "cbo"), ("b", "cbo"), ("c", "cbo"), ("d", "cbo")],
        &[("a", "b", false), ("b", "c", false), ("c", "d", false)],
    );
    let analysis = map.analysis();
    let raw: Vec<f64> = analysis.actors.iter().map(|a| a.betweenness_raw).collect();
    // b is on the shortest paths a→c and a→d; c on a→d and b→d.
    assert_eq!(raw, [0.0, 2.0, 2.0, 0.0]);
    // Normalised by (n − 1)(n − 2) = 6 ordered pairs of other actors.
    assert!(close(measure(&analysis, "b").betweenness, 1.0 / 3.0));
    assert!(close(measure(&analysis, "a").betweenness, 0.0));
    let degrees: Vec<(usize, usize)> = analysis
        .actors
        .iter()
        .map(|a| (a.degree_in, a.degree_out))
        .collect();
    assert_eq!(degrees, [(0, 1), (1, 1), (1, 1), (1, 0)]);
    assert!(analysis.isolated.is_empty());
}

#[test]
fn a_two_way_path_counts_both_directions() {
    // a ↔ b ↔ c ↔ d ↔ e: as an undirected path, normalised betweenness 0, 3/6, 4/6, 3/6, 0.
    let map = graph(
        &[("a", ""), ("b", ""), ("c", ""), ("d", ""), ("e", "")],
        &[
            ("a", "b", true),
            ("b", "c", true),
            ("c", "d", true),
            ("d", "e", true),
        ],
    );
    let analysis = map.analysis();
    let raw: Vec<f64> = analysis.actors.iter().map(|a| a.betweenness_raw).collect();
    assert_eq!(raw, [0.0, 6.0, 8.0, 6.0, 0.0]);
    let normalised: Vec<f64> = analysis.actors.iter().map(|a| a.betweenness).collect();
    for (got, want) in normalised.iter().zip([0.0, 0.5, 2.0 / 3.0, 0.5, 0.0]) {
        assert!(close(*got, want), "{normalised:?}");
    }
    assert_eq!(
        (
            measure(&analysis, "c").degree_in,
            measure(&analysis, "c").degree_out
        ),
        (2, 2)
    );
}

#[test]
fn a_star_has_only_its_centre_between() {
    let leaves = ["l1", "l2", "l3", "l4", "l5"];
    let mut actors = vec![("hub", "network")];
    actors.extend(leaves.iter().map(|l| (*l, "cbo")));
    let both: Vec<(&str, &str, bool)> = leaves.iter().map(|l| ("hub", *l, true)).collect();
    let analysis = graph(&actors, &both).analysis();
    // Every ordered pair of leaves (5 × 4 = 20) goes through the hub: normalised 1.
    assert!(close(measure(&analysis, "hub").betweenness_raw, 20.0));
    assert!(close(measure(&analysis, "hub").betweenness, 1.0));
    for leaf in leaves {
        assert!(close(measure(&analysis, leaf).betweenness, 0.0));
        assert_eq!(
            measure(&analysis, leaf).groups_bridged,
            1,
            "its group and the hub's"
        );
    }
    assert_eq!(
        (
            measure(&analysis, "hub").degree_in,
            measure(&analysis, "hub").degree_out
        ),
        (5, 5)
    );

    // Spokes pointing in only: nothing passes through the hub.
    let inward: Vec<(&str, &str, bool)> = leaves.iter().map(|l| (*l, "hub", false)).collect();
    let analysis = graph(&actors, &inward).analysis();
    assert!(close(measure(&analysis, "hub").betweenness, 0.0));
    assert_eq!(
        (
            measure(&analysis, "hub").degree_in,
            measure(&analysis, "hub").degree_out
        ),
        (5, 0)
    );
    // In from two leaves, out to three: 2 × 3 paths through the hub.
    let mixed: Vec<(&str, &str, bool)> = vec![
        ("l1", "hub", false),
        ("l2", "hub", false),
        ("hub", "l3", false),
        ("hub", "l4", false),
        ("hub", "l5", false),
    ];
    let analysis = graph(&actors, &mixed).analysis();
    assert!(close(measure(&analysis, "hub").betweenness_raw, 6.0));
    assert!(close(measure(&analysis, "hub").betweenness, 6.0 / 20.0));
}

/// Two groups of four, each a clique (every pair linked both ways), joined only through `x`,
/// a network organisation linked both ways with one member of each.
pub(super) fn two_cliques_and_a_broker() -> OrgMap {
    let community = ["c1", "c2", "c3", "c4"];
    let statutory = ["s1", "s2", "s3", "s4"];
    let mut actors: Vec<(&str, &str)> = community.iter().map(|id| (*id, "cbo")).collect();
    actors.extend(statutory.iter().map(|id| (*id, "statutory")));
    actors.push(("x", "network"));
    let mut links = Vec::new();
    for clique in [community, statutory] {
        for (i, a) in clique.iter().enumerate() {
            for b in &clique[i + 1..] {
                links.push((*a, *b, true));
            }
        }
    }
    links.push(("c1", "x", true));
    links.push(("x", "s1", true));
    graph(&actors, &links)
}

#[test]
fn two_cliques_joined_by_one_broker() {
    let map = two_cliques_and_a_broker();
    let analysis = map.analysis();
    let x = measure(&analysis, "x");
    // Every path between the cliques (4 × 4 pairs, both ways) goes through x.
    assert!(close(x.betweenness_raw, 32.0));
    assert!(close(x.betweenness, 32.0 / 56.0));
    // c1 carries the paths from c2..c4 to x and s1..s4, both ways: 3 × 5 × 2.
    assert!(close(measure(&analysis, "c1").betweenness_raw, 30.0));
    assert!(close(measure(&analysis, "s1").betweenness_raw, 30.0));
    assert!(close(measure(&analysis, "c2").betweenness_raw, 0.0));
    let top = analysis
        .actors
        .iter()
        .max_by(|a, b| a.betweenness.total_cmp(&b.betweenness))
        .map(|a| a.actor_id.as_str());
    assert_eq!(top, Some("x"));
    // x touches network, cbo and statutory: three pairs, the community–statutory one among them.
    assert_eq!(x.groups_bridged, 3);
    assert!(x
        .bridged_pairs
        .contains(&("cbo".to_string(), "statutory".to_string())));
    assert_eq!(
        x.bridged_pairs,
        [
            ("network".to_string(), "cbo".to_string()),
            ("network".to_string(), "statutory".to_string()),
            ("cbo".to_string(), "statutory".to_string()),
        ]
    );
    assert_eq!(measure(&analysis, "c1").groups_bridged, 1);
    assert_eq!(measure(&analysis, "c2").groups_bridged, 0);
    let brokers: Vec<(&str, usize)> = analysis
        .brokers
        .iter()
        .map(|(id, pairs)| (id.as_str(), *pairs))
        .collect();
    assert_eq!(brokers, [("x", 3), ("c1", 1), ("s1", 1)]);
    assert!(analysis.isolated.is_empty());
}

#[test]
fn brokers_without_groups_rank_by_betweenness_and_isolated_actors_are_listed() {
    // The end-to-end map: everyone in no group, the network in the middle.
    let map = graph(
        &[
            ("network", ""),
            ("church", ""),
            ("mosque", ""),
            ("nhs", ""),
            ("council", ""),
            ("forum", ""),
        ],
        &[
            ("network", "church", false),
            ("nhs", "network", false),
            ("council", "network", false),
            ("mosque", "network", false),
        ],
    );
    let analysis = map.analysis();
    assert_eq!(analysis.brokers, [("network".to_string(), 0)]);
    assert_eq!(ids(&analysis.isolated), ["forum"]);
    assert!(close(measure(&analysis, "network").betweenness_raw, 3.0));
}

#[test]
fn parallel_links_count_in_degree_but_not_twice_in_betweenness() {
    let mut map = graph(
        &[("a", "cbo"), ("b", "cbo"), ("c", "cbo")],
        &[("a", "b", false), ("b", "c", false)],
    );
    map.links.push(link("extra", "a", "b", "funding", false));
    map.links.push(link("self", "a", "a", "funding", false));
    map.links
        .push(link("dangling", "a", "ghost", "funding", false));
    let analysis = map.analysis();
    assert_eq!(
        measure(&analysis, "a").degree_out,
        2,
        "two kinds, two links"
    );
    assert_eq!(
        measure(&analysis, "a").degree_in,
        0,
        "the link to itself is left out"
    );
    assert!(close(measure(&analysis, "b").betweenness_raw, 1.0));
}

#[test]
fn the_group_matrix_counts_ties_by_kind() {
    let mut map = graph(
        &[
            ("c1", "cbo"),
            ("c2", "cbo"),
            ("s", "statutory"),
            ("n", "network"),
            ("u", ""),
        ],
        &[],
    );
    map.links = vec![
        link("1", "c1", "s", "funding", false),
        link("2", "c2", "s", "funding", false),
        link("3", "s", "c1", "information", true),
        link("4", "c1", "c2", "trust", true),
        link("5", "n", "u", "mystery", false),
    ];
    let matrix: Vec<(String, String, String, usize)> = map
        .analysis()
        .group_matrix
        .into_iter()
        .map(|c| (c.from_group, c.to_group, c.kind_id, c.count))
        .collect();
    let row =
        |a: &str, b: &str, k: &str, n: usize| (a.to_string(), b.to_string(), k.to_string(), n);
    assert_eq!(
        matrix,
        [
            row("network", "", "mystery", 1),
            row("cbo", "cbo", "trust", 2),
            row("cbo", "statutory", "funding", 2),
            row("cbo", "statutory", "information", 1),
            row("statutory", "cbo", "information", 1),
        ]
    );
}

#[test]
fn an_empty_or_tiny_map_analyses_without_dividing_by_zero() {
    let analysis = OrgMap::default().analysis();
    assert!(analysis.actors.is_empty() && analysis.brokers.is_empty());
    let two = graph(&[("a", ""), ("b", "")], &[("a", "b", true)]).analysis();
    assert!(two.actors.iter().all(|a| a.betweenness == 0.0));
}

/// Betweenness by brute force: for every ordered pair (s, t) and every v, σ_st(v) / σ_st,
/// from all-pairs distances and shortest-path counts.
fn brute_force_betweenness(n: usize, arcs: &[(usize, usize)]) -> Vec<f64> {
    let mut adjacent = vec![vec![false; n]; n];
    for &(a, b) in arcs {
        if a != b {
            adjacent[a][b] = true;
        }
    }
    let infinity = usize::MAX / 4;
    let mut distance = vec![vec![infinity; n]; n];
    let mut paths = vec![vec![0.0_f64; n]; n];
    for s in 0..n {
        distance[s][s] = 0;
        paths[s][s] = 1.0;
        let mut frontier = vec![s];
        let mut level = 0;
        while !frontier.is_empty() {
            level += 1;
            let mut next = Vec::new();
            for &v in &frontier {
                for w in 0..n {
                    if adjacent[v][w] {
                        if distance[s][w] == infinity {
                            distance[s][w] = level;
                            next.push(w);
                        }
                        if distance[s][w] == level {
                            paths[s][w] += paths[s][v];
                        }
                    }
                }
            }
            next.sort_unstable();
            next.dedup();
            frontier = next;
        }
    }
    let mut centrality = vec![0.0; n];
    for s in 0..n {
        for t in 0..n {
            if s == t || distance[s][t] == infinity {
                continue;
            }
            for v in 0..n {
                if v != s && v != t && distance[s][v] + distance[v][t] == distance[s][t] {
                    centrality[v] += paths[s][v] * paths[v][t] / paths[s][t];
                }
            }
        }
    }
    centrality
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn betweenness_matches_a_brute_force_count(
        n in 1usize..8,
        links in prop::collection::vec((0usize..8, 0usize..8, any::<bool>()), 0..20),
    ) {
        let names: Vec<String> = (0..n).map(|i| format!("v{i}")).collect();
        let map = OrgMap {
            actors: names.iter().map(|id| actor(id, "")).collect(),
            links: links
                .iter()
                .filter(|(a, b, _)| *a < n && *b < n)
                .enumerate()
                .map(|(k, (a, b, both))| link(&format!("l{k}"), &names[*a], &names[*b], "funding", *both))
                .collect(),
            ..OrgMap::default()
        };
        let mut arcs = Vec::new();
        for (a, b, both) in links.iter().filter(|(a, b, _)| *a < n && *b < n) {
            arcs.push((*a, *b));
            if *both {
                arcs.push((*b, *a));
            }
        }
        let expected = brute_force_betweenness(n, &arcs);
        let analysis = map.analysis();
        for (got, want) in analysis.actors.iter().zip(&expected) {
            prop_assert!((got.betweenness_raw - want).abs() < 1e-9, "{} vs {}", got.betweenness_raw, want);
        }
        let degree_out: usize = analysis.actors.iter().map(|a| a.degree_out).sum();
        let degree_in: usize = analysis.actors.iter().map(|a| a.degree_in).sum();
        prop_assert_eq!(degree_in, degree_out);
    }
}

#[test]
fn filters_keep_what_they_name_and_never_a_dangling_link() {
    let mut map = two_cliques_and_a_broker();
    map.links[0].kind_id = "funding".into();
    map.actors[0].contributions.push(Contribution {
        resource: Resource::Material,
        text: "hall".into(),
    });
    map.actors[8].contributions.push(Contribution {
        resource: Resource::Relational,
        text: "introductions".into(),
    });
    let everything = map.filtered(&[], &[], &[]);
    assert_eq!(everything, map);

    let cbo = map.filtered(&[], &["cbo".to_string()], &[]);
    assert_eq!(cbo.actors.len(), 4);
    assert_eq!(cbo.links.len(), 6);
    assert_invariants(&cbo);

    let funding = map.filtered(&["funding".to_string()], &[], &[]);
    assert_eq!(funding.actors.len(), 9);
    assert_eq!(funding.links.len(), 1);

    let resources = map.filtered(&[], &[], &[Resource::Material, Resource::Relational]);
    assert_eq!(
        resources
            .actors
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["c1", "x"]
    );
    assert_eq!(resources.links.len(), 1, "c1 ↔ x");
    assert!(resources.check().is_empty());

    let kinds = ["information".to_string()];
    let filter = MapFilter {
        kinds: &kinds,
        ..MapFilter::default()
    };
    assert!(!filter.shows_everything());
    assert!(!filter.shows_link(&map, &map.links[0]));
    assert!(filter.shows_link(&map, &map.links[1]));
    assert!(MapFilter::default().shows_actor(&map.actors[3]));
}
