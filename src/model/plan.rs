//! The session plan: the running order of a workshop's exercises and breaks, the minutes
//! planned for each, and when each was actually open on the screen, so the facilitator sees
//! the time left and what ran over.
//!
//! **The running order** ([`Workshop::running_order`]) is the plan's items in order, less any
//! exercise entry whose exercise no longer exists, then every exercise the plan does not
//! name, in the workshop's order. An empty plan is therefore the exercises in order, as before
//! there was a plan; a new exercise joins the end. Each step has a key
//! ([`RunningItem::key`]): its plan item's id, or for an exercise not in the plan the
//! exercise's id. Every edit and recording below takes such a key.
//!
//! **Putting an exercise in the plan.** An edit that needs an unplanned exercise to be in the
//! plan (planning its minutes, moving it, opening it, a break after it) first adds the
//! unplanned exercises up to and including it, in running order, with 0 minutes (no plan),
//! so the running order on screen never changes by itself. Such a plan item's id is the
//! exercise's id, so its key stays the same.
//!
//! **A removed exercise** takes its plan entry with it ([`Workshop::remove_exercise`]). An
//! entry left naming no exercise (an exercise put aside as damaged, or a file edited by hand)
//! is accepted by `check()`, skipped by the running order and dropped by the next plan edit.
//!
//! **Times.** Opening an item ([`Workshop::record_open`]) closes whatever visit is open and
//! opens one on that item; leaving ([`Workshop::record_leave`]) closes it. An item's actual
//! time is the sum of its visits, an open visit counting up to now. A visit with a time that
//! is not a number, or that ends before it starts, counts 0; a time given to record that is
//! not a finite number is refused.

use super::{Millis, Workshop};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// What a plan item is: an exercise of the workshop, or a break.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanEntry {
    Exercise {
        exercise_id: String,
    },
    Break {
        #[serde(default)]
        title: String,
    },
}

/// One time an item was on the screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Visit {
    pub opened_at: Millis,
    /// None while it is still open.
    #[serde(default)]
    pub left_at: Option<Millis>,
}

impl Visit {
    /// How long the visit lasted, in milliseconds, an open one up to `now`: 0 for times that
    /// are not numbers or that run backwards.
    fn duration_ms(&self, now: Millis) -> f64 {
        let end = self.left_at.unwrap_or(now);
        let duration = end - self.opened_at;
        if duration.is_finite() && duration > 0.0 {
            duration
        } else {
            0.0
        }
    }
}

/// One item of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanItem {
    pub id: String,
    pub entry: PlanEntry,
    /// Minutes planned; 0 when none are.
    #[serde(default)]
    pub planned_minutes: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub visits: Vec<Visit>,
}

impl PlanItem {
    fn exercise_id(&self) -> Option<&str> {
        match &self.entry {
            PlanEntry::Exercise { exercise_id } => Some(exercise_id),
            PlanEntry::Break { .. } => None,
        }
    }

    fn is_open(&self) -> bool {
        self.visits.iter().any(|v| v.left_at.is_none())
    }

    /// Minutes it was on the screen, an open visit counting up to `now`.
    pub fn actual_minutes(&self, now: Millis) -> f64 {
        self.visits.iter().map(|v| v.duration_ms(now)).sum::<f64>() / 60_000.0
    }

    /// Planned minutes less actual ones, negative when over; None when no time is planned.
    pub fn time_left(&self, now: Millis) -> Option<f64> {
        (self.planned_minutes > 0)
            .then(|| f64::from(self.planned_minutes) - self.actual_minutes(now))
    }

    /// Whether it has run past its planned time (never, when none is planned).
    pub fn is_over(&self, now: Millis) -> bool {
        self.time_left(now).is_some_and(|left| left < 0.0)
    }
}

/// One step of the running order.
#[derive(Debug, Clone, PartialEq)]
pub struct RunningItem {
    /// Its plan item's id; None for an exercise the plan does not name.
    pub plan_id: Option<String>,
    pub entry: PlanEntry,
    /// The minutes planned; None when none are (0 in the plan, or not in the plan).
    pub planned_minutes: Option<u32>,
}

impl RunningItem {
    /// What names this step in the plan's edits: the plan item's id, or the exercise's id
    /// for an exercise not in the plan (which is the id its plan item gets when added).
    pub fn key(&self) -> &str {
        match (&self.plan_id, &self.entry) {
            (Some(id), _) => id,
            (None, PlanEntry::Exercise { exercise_id }) => exercise_id,
            (None, PlanEntry::Break { .. }) => "",
        }
    }
}

/// Minutes as the plan shows them: "12 min", "1 h 05 min".
pub fn minutes_text(minutes: f64) -> String {
    let whole = minutes.max(0.0).round() as u64;
    if whole >= 60 {
        format!("{} h {:02} min", whole / 60, whole % 60)
    } else {
        format!("{whole} min")
    }
}

/// A break's title as the screen shows it ("Break" when it has none).
pub fn break_title(workshop: &Workshop, plan_id: &str) -> String {
    let title = workshop
        .plan_item(plan_id)
        .and_then(|item| match &item.entry {
            PlanEntry::Break { title } => Some(title.trim().to_string()),
            PlanEntry::Exercise { .. } => None,
        })
        .unwrap_or_default();
    if title.is_empty() {
        "Break".to_string()
    } else {
        title
    }
}

impl Workshop {
    /// The steps of the session, in order (see the module's documentation).
    pub fn running_order(&self) -> Vec<RunningItem> {
        let planned = self.live_plan().map(|item| RunningItem {
            plan_id: Some(item.id.clone()),
            entry: item.entry.clone(),
            planned_minutes: (item.planned_minutes > 0).then_some(item.planned_minutes),
        });
        let unplanned = self.unplanned_exercises().map(|id| RunningItem {
            plan_id: None,
            entry: PlanEntry::Exercise {
                exercise_id: id.to_string(),
            },
            planned_minutes: None,
        });
        planned.chain(unplanned).collect()
    }

    /// The plan item a key names: a plan item's id, or an exercise's plan entry.
    pub fn plan_item(&self, key: &str) -> Option<&PlanItem> {
        self.plan.iter().find(|item| item.id == key).or_else(|| {
            self.plan
                .iter()
                .find(|item| item.exercise_id() == Some(key))
        })
    }

    /// Where a key stands in the running order.
    pub fn running_index(&self, key: &str) -> Option<usize> {
        let order = self.running_order();
        order.iter().position(|item| item.key() == key).or_else(|| {
            order.iter().position(|item| match &item.entry {
                PlanEntry::Exercise { exercise_id } => exercise_id == key,
                PlanEntry::Break { .. } => false,
            })
        })
    }

    /// The plan's items that the running order shows: all but entries naming no exercise.
    fn live_plan(&self) -> impl Iterator<Item = &PlanItem> {
        self.plan.iter().filter(|item| {
            item.exercise_id()
                .is_none_or(|id| self.exercise(id).is_some())
        })
    }

    fn unplanned_exercises(&self) -> impl Iterator<Item = &str> {
        let planned: HashSet<&str> = self.plan.iter().filter_map(PlanItem::exercise_id).collect();
        self.exercises
            .iter()
            .map(|e| e.id.as_str())
            .filter(move |id| !planned.contains(id))
    }

    /// Makes the plan hold at least the first `count` steps of the running order (and drops
    /// entries naming no exercise), leaving the running order as it was: afterwards plan
    /// indexes and running-order indexes agree up to `count`.
    fn plan_first(&mut self, count: usize) {
        let live: Vec<PlanItem> = self.live_plan().cloned().collect();
        let missing = count.saturating_sub(live.len());
        let added: Vec<PlanItem> = self
            .unplanned_exercises()
            .take(missing)
            .map(|exercise_id| PlanItem {
                id: exercise_id.to_string(),
                entry: PlanEntry::Exercise {
                    exercise_id: exercise_id.to_string(),
                },
                planned_minutes: 0,
                visits: Vec::new(),
            })
            .collect();
        self.plan = live;
        self.plan.extend(added);
    }

    /// Puts an exercise in the plan (see the module's documentation) and returns its plan
    /// item's id; None for an exercise the workshop does not have.
    pub fn ensure_planned(&mut self, exercise_id: &str) -> Option<String> {
        self.exercise(exercise_id)?;
        if let Some(item) = self.plan_item(exercise_id) {
            if item.exercise_id() == Some(exercise_id) {
                return Some(item.id.clone());
            }
        }
        let index = self.running_index(exercise_id)?;
        self.plan_first(index + 1);
        self.plan.get(index).map(|item| item.id.clone())
    }

    /// Adds a break at `position` of the running order (at most its end). Refused for an
    /// empty id, or one a plan item or an exercise already has.
    pub fn add_break(&mut self, id: String, title: String, minutes: u32, position: usize) -> bool {
        if id.is_empty() || self.plan_item(&id).is_some() || self.exercise(&id).is_some() {
            return false;
        }
        let position = position.min(self.running_order().len());
        self.plan_first(position);
        self.plan.insert(
            position,
            PlanItem {
                id,
                entry: PlanEntry::Break { title },
                planned_minutes: minutes,
                visits: Vec::new(),
            },
        );
        true
    }

    pub fn rename_break(&mut self, id: &str, title: &str) -> bool {
        let Some(item) = self.plan.iter_mut().find(|item| item.id == id) else {
            return false;
        };
        match &mut item.entry {
            PlanEntry::Break { title: old } if old != title => {
                title.clone_into(old);
                true
            }
            _ => false,
        }
    }

    /// Removes a break and returns it; None for an unknown id or an exercise's entry.
    pub fn remove_break(&mut self, id: &str) -> Option<PlanItem> {
        let index = self
            .plan
            .iter()
            .position(|item| item.id == id && item.exercise_id().is_none())?;
        Some(self.plan.remove(index))
    }

    /// Sets the minutes planned for a step (0: none). Whether anything changed.
    pub fn set_planned_minutes(&mut self, key: &str, minutes: u32) -> bool {
        let Some(index) = self.running_index(key) else {
            return false;
        };
        let current = self.running_order()[index].planned_minutes.unwrap_or(0);
        if current == minutes {
            return false;
        }
        self.plan_first(index + 1);
        match self.plan.get_mut(index) {
            Some(item) => {
                item.planned_minutes = minutes;
                true
            }
            None => false,
        }
    }

    /// Moves a step one place up (`-1`) or down (`+1`) in the running order: what the
    /// keyboard's reordering calls. Refused past either end.
    pub fn move_plan_item(&mut self, key: &str, offset: isize) -> bool {
        let Some(from) = self.running_index(key) else {
            return false;
        };
        match from.checked_add_signed(offset) {
            Some(to) if to < self.running_order().len() => self.move_plan_item_to(key, to),
            _ => false,
        }
    }

    /// Moves a step to `index` of the running order (at most its last place): what a drag and
    /// drop calls. Whether it moved.
    pub fn move_plan_item_to(&mut self, key: &str, index: usize) -> bool {
        let Some(from) = self.running_index(key) else {
            return false;
        };
        let to = index.min(self.running_order().len().saturating_sub(1));
        if to == from {
            return false;
        }
        self.plan_first(from.max(to) + 1);
        let item = self.plan.remove(from);
        self.plan.insert(to, item);
        true
    }

    /// The step on the screen now: the one whose visit is open.
    pub fn open_plan_item(&self) -> Option<&PlanItem> {
        self.plan.iter().find(|item| item.is_open())
    }

    /// The step `key` comes on the screen at `now`: whatever visit is open is closed, and a
    /// visit opens on it (an exercise not in the plan is put in first). Refused for an
    /// unknown key, a `now` that is not a finite number, or a step already open.
    pub fn record_open(&mut self, key: &str, now: Millis) -> bool {
        if !now.is_finite() {
            return false;
        }
        let Some(index) = self.running_index(key) else {
            return false;
        };
        if self.plan_item(key).is_some_and(PlanItem::is_open) {
            return false;
        }
        self.close_visits(now);
        self.plan_first(index + 1);
        match self.plan.get_mut(index) {
            Some(item) => {
                item.visits.push(Visit {
                    opened_at: now,
                    left_at: None,
                });
                true
            }
            None => false,
        }
    }

    /// The open step leaves the screen at `now` (the session pauses or ends). Whether a
    /// visit was open; refused for a `now` that is not a finite number.
    pub fn record_leave(&mut self, now: Millis) -> bool {
        now.is_finite() && self.close_visits(now)
    }

    fn close_visits(&mut self, now: Millis) -> bool {
        let mut closed = false;
        for visit in self.plan.iter_mut().flat_map(|item| item.visits.iter_mut()) {
            if visit.left_at.is_none() {
                visit.left_at = Some(now);
                closed = true;
            }
        }
        closed
    }

    /// Minutes the step was on the screen, up to `now`; 0 for one never opened.
    pub fn actual_minutes(&self, key: &str, now: Millis) -> f64 {
        self.plan_item(key)
            .map_or(0.0, |item| item.actual_minutes(now))
    }

    /// Planned less actual minutes, negative when over; None when no time is planned.
    pub fn time_left(&self, key: &str, now: Millis) -> Option<f64> {
        self.plan_item(key).and_then(|item| item.time_left(now))
    }

    pub fn is_over(&self, key: &str, now: Millis) -> bool {
        self.plan_item(key).is_some_and(|item| item.is_over(now))
    }

    /// The plan's rules: unique, non-empty ids; an id that is an exercise's only on that
    /// exercise's own entry (so a key names one step); at most one entry per exercise. An
    /// entry naming no exercise is allowed (see the module's documentation), and so is a
    /// break with no title.
    pub(super) fn check_plan(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids = HashSet::new();
        let mut planned = HashSet::new();
        for (index, item) in self.plan.iter().enumerate() {
            if item.id.is_empty() {
                problems.push(format!("plan[{index}]: the id is empty"));
            } else if !ids.insert(item.id.as_str()) {
                problems.push(format!("plan[{index}]: the id {:?} is used twice", item.id));
            }
            let names_other_exercise =
                self.exercise(&item.id).is_some() && item.exercise_id() != Some(item.id.as_str());
            if names_other_exercise {
                problems.push(format!(
                    "plan[{index}]: the id {:?} is another exercise's id",
                    item.id
                ));
            }
            if let Some(exercise_id) = item.exercise_id() {
                if !planned.insert(exercise_id) {
                    problems.push(format!(
                        "plan[{index}]: the exercise {exercise_id:?} is in the plan twice"
                    ));
                }
            }
        }
        problems
    }
}

impl Workshop {
    /// Takes the visits recorded in `recorded` (the plan as it is now) into this workshop, for
    /// each item both plans hold: an undo or redo brings back an earlier plan, but the times
    /// already recorded are facts, not edits, and stay, also for a step only `recorded` holds
    /// (put in the plan by its first visit).
    pub fn keep_visits_of(&mut self, recorded: &[PlanItem]) {
        for kept in recorded.iter().filter(|r| !r.visits.is_empty()) {
            // A step put in the plan by its first visit, after the state being brought back,
            // goes back in (an exercise that still exists; a break as it was), so its times
            // stay too.
            if self.plan.iter().all(|item| item.id != kept.id) {
                match &kept.entry {
                    PlanEntry::Exercise { exercise_id } => {
                        if self.exercise(exercise_id).is_none() {
                            continue;
                        }
                        self.ensure_planned(exercise_id);
                    }
                    PlanEntry::Break { .. } => self.plan.push(PlanItem {
                        visits: Vec::new(),
                        ..kept.clone()
                    }),
                }
            }
            if let Some(item) = self.plan.iter_mut().find(|item| item.id == kept.id) {
                item.visits = kept.visits.clone();
            }
        }
    }
}
