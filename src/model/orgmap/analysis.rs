//! The study's questions: degree, betweenness, brokers, isolated actors and the group matrix.

use super::{Link, OrgMap, NO_GROUP};
use std::collections::{HashMap, VecDeque};

// ----- Analysis ----------------------------------------------------------------------------------

/// One actor's place in the network.
///
/// Degrees count links: a one-way link adds one to its source's `degree_out` and one to its
/// target's `degree_in`; a both-ways link adds one to each of the four. Links of different
/// kinds between the same actors each count.
///
/// Betweenness is Freeman's, on the directed graph (Brandes' algorithm): for every ordered
/// pair of other actors (s, t), the share of the shortest paths from s to t that pass through
/// this actor, summed. Every link is an arc from → to, a both-ways link an arc each way, and
/// several links between the same two actors are one arc (how many kinds join them does not
/// make a path shorter). `betweenness_raw` is that sum; `betweenness` is it normalised to 0..1
/// by dividing by (n − 1)(n − 2), the number of ordered pairs of other actors, where n counts
/// every actor on the map (0 when n < 3). On a map whose links all go both ways this equals
/// the usual undirected normalised betweenness.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorAnalysis {
    pub actor_id: String,
    pub degree_in: usize,
    pub degree_out: usize,
    /// Normalised to 0..1 (see the type's notes).
    pub betweenness: f64,
    /// The raw sum of shares of shortest paths.
    pub betweenness_raw: f64,
    /// How many pairs of groups this actor bridges: `bridged_pairs.len()`.
    pub groups_bridged: usize,
    /// The pairs of groups this actor bridges, each pair in the map's group order. An actor
    /// touches its own group and the group of every actor it has a link with (either way);
    /// it bridges every pair of different groups among those it touches. Actors with no group
    /// touch none, so an actor only linked within its own group bridges nothing.
    pub bridged_pairs: Vec<(String, String)>,
}

/// How many directed ties go from actors of one group to actors of another, by kind. A
/// one-way link is one tie from → to; a both-ways link is a tie each way (so a both-ways link
/// within a group counts twice there). Actors with no group count under [`NO_GROUP`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupLinkCount {
    pub from_group: String,
    pub to_group: String,
    pub kind_id: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    /// One per actor, in the map's order.
    pub actors: Vec<ActorAnalysis>,
    /// The brokers: every actor that bridges at least one pair of groups or lies on a
    /// shortest path between two others (betweenness above 0), with the number of group pairs
    /// it bridges; most pairs first, then highest betweenness, then the map's order.
    pub brokers: Vec<(String, usize)>,
    /// Actors with no link at all, in the map's order.
    pub isolated: Vec<String>,
    /// Ties between groups by kind, every count above 0: groups in the map's order (groups
    /// the map does not list after them by id, then no group), kinds likewise.
    pub group_matrix: Vec<GroupLinkCount>,
}

impl ActorAnalysis {
    pub fn is_isolated(&self) -> bool {
        self.degree_in == 0 && self.degree_out == 0
    }
}

/// The order groups are reported in: the map's list, then unknown ids by name, then none.
/// Ties within a rank are broken by the id.
fn group_rank(map: &OrgMap) -> impl Fn(&str) -> usize + '_ {
    move |id: &str| match map.groups.iter().position(|g| g.id == id) {
        Some(index) => index,
        None if id == NO_GROUP => usize::MAX,
        None => map.groups.len(),
    }
}

impl OrgMap {
    /// The study's questions, computed from the links (see [`ActorAnalysis`], [`Analysis`]).
    /// Links with a missing actor or from an actor to itself are left out. Takes O(n·m) time
    /// for n actors and m links: a few milliseconds for 300 actors and 600 links.
    pub fn analysis(&self) -> Analysis {
        let n = self.actors.len();
        let index = self.actor_index();
        let valid = self.counted_links(&index);

        let mut degree_in = vec![0usize; n];
        let mut degree_out = vec![0usize; n];
        let mut arcs: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
        for &(from, to, link) in &valid {
            count_degrees(&mut degree_in, &mut degree_out, from, to, link.both_ways);
            arcs[from].push(to);
            if link.both_ways {
                arcs[to].push(from);
            }
            neighbours[from].push(to);
            neighbours[to].push(from);
        }
        for list in arcs.iter_mut().chain(neighbours.iter_mut()) {
            list.sort_unstable();
            list.dedup();
        }

        let raw = brandes_betweenness(&arcs);
        let scale = if n >= 3 {
            1.0 / ((n - 1) as f64 * (n - 2) as f64)
        } else {
            0.0
        };

        let rank = group_rank(self);
        let ordered = |a: &str, b: &str| -> (String, String) {
            if (rank(a), a) <= (rank(b), b) {
                (a.to_string(), b.to_string())
            } else {
                (b.to_string(), a.to_string())
            }
        };
        let actors: Vec<ActorAnalysis> = self
            .actors
            .iter()
            .enumerate()
            .map(|(i, actor)| {
                let mut touched: Vec<&str> = std::iter::once(actor.group_id.as_str())
                    .chain(
                        neighbours[i]
                            .iter()
                            .map(|&j| self.actors[j].group_id.as_str()),
                    )
                    .filter(|g| *g != NO_GROUP)
                    .collect();
                crate::model::order::sort_by(&mut touched, |a, b| {
                    (rank(a), *a).cmp(&(rank(b), *b))
                });
                touched.dedup();
                let mut bridged_pairs = Vec::new();
                for (k, a) in touched.iter().enumerate() {
                    for b in &touched[k + 1..] {
                        bridged_pairs.push(ordered(a, b));
                    }
                }
                ActorAnalysis {
                    actor_id: actor.id.clone(),
                    degree_in: degree_in[i],
                    degree_out: degree_out[i],
                    betweenness: raw[i] * scale,
                    betweenness_raw: raw[i],
                    groups_bridged: bridged_pairs.len(),
                    bridged_pairs,
                }
            })
            .collect();

        let mut broker_order: Vec<usize> = (0..n)
            .filter(|&i| actors[i].groups_bridged > 0 || actors[i].betweenness_raw > 1e-12)
            .collect();
        crate::model::order::sort_by(&mut broker_order, |&a, &b| {
            actors[b]
                .groups_bridged
                .cmp(&actors[a].groups_bridged)
                .then(
                    actors[b]
                        .betweenness_raw
                        .total_cmp(&actors[a].betweenness_raw),
                )
                .then(a.cmp(&b))
        });
        let brokers = broker_order
            .into_iter()
            .map(|i| (actors[i].actor_id.clone(), actors[i].groups_bridged))
            .collect();
        let isolated = actors
            .iter()
            .filter(|a| a.is_isolated())
            .map(|a| a.actor_id.clone())
            .collect();

        let mut counts: HashMap<(&str, &str, &str), usize> = HashMap::new();
        for &(from, to, link) in &valid {
            let (a, b) = (
                self.actors[from].group_id.as_str(),
                self.actors[to].group_id.as_str(),
            );
            *counts.entry((a, b, link.kind_id.as_str())).or_default() += 1;
            if link.both_ways {
                *counts.entry((b, a, link.kind_id.as_str())).or_default() += 1;
            }
        }
        let kind_rank = |id: &str| {
            self.link_kinds
                .iter()
                .position(|k| k.id == id)
                .unwrap_or(self.link_kinds.len())
        };
        let mut group_matrix: Vec<GroupLinkCount> = counts
            .into_iter()
            .map(|((from_group, to_group, kind_id), count)| GroupLinkCount {
                from_group: from_group.to_string(),
                to_group: to_group.to_string(),
                kind_id: kind_id.to_string(),
                count,
            })
            .collect();
        crate::model::order::sort_by(&mut group_matrix, |a, b| {
            (rank(&a.from_group), &a.from_group)
                .cmp(&(rank(&b.from_group), &b.from_group))
                .then((rank(&a.to_group), &a.to_group).cmp(&(rank(&b.to_group), &b.to_group)))
                .then((kind_rank(&a.kind_id), &a.kind_id).cmp(&(kind_rank(&b.kind_id), &b.kind_id)))
        });

        Analysis {
            actors,
            brokers,
            isolated,
            group_matrix,
        }
    }
}

/// Adds one link to the degrees: one out at its source and one in at its target, and as much
/// again the other way when it goes both ways.
fn count_degrees(
    degree_in: &mut [usize],
    degree_out: &mut [usize],
    from: usize,
    to: usize,
    both_ways: bool,
) {
    degree_out[from] += 1;
    degree_in[to] += 1;
    if both_ways {
        degree_out[to] += 1;
        degree_in[from] += 1;
    }
}

impl OrgMap {
    /// Each actor's position in `actors` by id; the first actor with an id wins, as in every
    /// other look-up.
    pub(super) fn actor_index(&self) -> HashMap<&str, usize> {
        let mut index = HashMap::with_capacity(self.actors.len());
        for (i, actor) in self.actors.iter().enumerate() {
            index.entry(actor.id.as_str()).or_insert(i);
        }
        index
    }

    /// The links the analysis counts, with their actors' positions: those whose two ends are
    /// different actors of the map.
    fn counted_links<'a>(&'a self, index: &HashMap<&str, usize>) -> Vec<(usize, usize, &'a Link)> {
        self.links
            .iter()
            .filter_map(|l| {
                let from = *index.get(l.from.as_str())?;
                let to = *index.get(l.to.as_str())?;
                (from != to).then_some((from, to, l))
            })
            .collect()
    }

    /// Each actor's (degree in, degree out), in the map's order, as [`OrgMap::analysis`]
    /// counts them but without the cost of betweenness.
    pub fn degrees(&self) -> Vec<(usize, usize)> {
        let index = self.actor_index();
        let mut degree_in = vec![0usize; self.actors.len()];
        let mut degree_out = vec![0usize; self.actors.len()];
        for (from, to, link) in self.counted_links(&index) {
            count_degrees(&mut degree_in, &mut degree_out, from, to, link.both_ways);
        }
        degree_in.into_iter().zip(degree_out).collect()
    }
}

/// Brandes' betweenness for an unweighted directed graph given as sorted adjacency lists:
/// the raw sum, over ordered pairs (s, t) of other nodes, of the share of shortest s–t paths
/// through each node.
fn brandes_betweenness(arcs: &[Vec<usize>]) -> Vec<f64> {
    let n = arcs.len();
    let mut centrality = vec![0.0; n];
    let mut order = Vec::with_capacity(n);
    let mut predecessors: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut paths = vec![0.0_f64; n];
    let mut distance = vec![usize::MAX; n];
    let mut dependency = vec![0.0_f64; n];
    let mut queue = VecDeque::with_capacity(n);
    for source in 0..n {
        order.clear();
        for list in &mut predecessors {
            list.clear();
        }
        paths.iter_mut().for_each(|p| *p = 0.0);
        distance.iter_mut().for_each(|d| *d = usize::MAX);
        dependency.iter_mut().for_each(|d| *d = 0.0);
        paths[source] = 1.0;
        distance[source] = 0;
        queue.push_back(source);
        while let Some(v) = queue.pop_front() {
            order.push(v);
            for &w in &arcs[v] {
                if distance[w] == usize::MAX {
                    distance[w] = distance[v] + 1;
                    queue.push_back(w);
                }
                if distance[w] == distance[v] + 1 {
                    paths[w] += paths[v];
                    predecessors[w].push(v);
                }
            }
        }
        while let Some(w) = order.pop() {
            for &v in &predecessors[w] {
                if paths[w] > 0.0 {
                    dependency[v] += paths[v] / paths[w] * (1.0 + dependency[w]);
                }
            }
            if w != source {
                centrality[w] += dependency[w];
            }
        }
    }
    centrality
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brandes_on_a_directed_triangle_with_a_shortcut() {
        // 0 → 1 → 2 and 0 → 2: no shortest path needs 1.
        let arcs = vec![vec![1, 2], vec![2], vec![]];
        assert_eq!(brandes_betweenness(&arcs), vec![0.0, 0.0, 0.0]);
        // 0 → 1 → 2 only: 1 carries the one pair (0, 2).
        let arcs = vec![vec![1], vec![2], vec![]];
        assert_eq!(brandes_betweenness(&arcs), vec![0.0, 1.0, 0.0]);
    }
}
