//! Vignettes: a short scenario card the group discusses, a few questions about it, and "what
//! happened next", revealed once the group has answered. The note-taker records the group's
//! responses to each question and tags each with the study's resources (symbolic, relational,
//! material) it speaks of.
//!
//! On the projector a vignette is shown a part at a time ([`VignetteStep`]): the scenario,
//! each question in order, then what happened next. The clicker pages through the parts and,
//! past either end, on to the next or previous item of the session's running order.
//!
//! Every edit refuses what would break a rule (an empty or repeated id, a response to a
//! question that does not exist) and says whether anything changed. Nothing here panics on
//! damaged input: a step that no longer exists (its question was removed) is read as the
//! nearest one before it.

use super::orgmap::Resource;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A question the group discusses about the scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    #[serde(default)]
    pub text: String,
}

/// What the group said in answer to one question, as the note-taker recorded it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    pub id: String,
    /// The question it answers (its id).
    pub question_id: String,
    #[serde(default)]
    pub text: String,
    /// The kinds of resource the response speaks of, each at most once, in the order tagged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Resource>,
    /// The workshop group that said it (its id), or empty.
    #[serde(default)]
    pub group_id: String,
}

/// A vignette exercise: the file format's `data.vignette`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Vignette {
    /// The scenario, a few paragraphs in any script; paragraphs are separated by blank lines.
    pub scenario: String,
    /// The questions, in the order they are asked.
    pub questions: Vec<Question>,
    /// What happened next, revealed after the questions; empty when there is none.
    pub next_part: String,
    /// Every question's responses, in the order they were added.
    pub responses: Vec<Response>,
}

/// A part of the vignette as the projector shows it. Ordered as they are shown: the scenario,
/// the questions by index, then what happened next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum VignetteStep {
    Scenario,
    /// The question at this index of [`Vignette::questions`].
    Question(usize),
    NextPart,
}

impl Vignette {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    pub fn response(&self, id: &str) -> Option<&Response> {
        self.responses.iter().find(|r| r.id == id)
    }

    /// The responses to a question, in the order they were added.
    pub fn responses_to<'a>(&'a self, question_id: &'a str) -> impl Iterator<Item = &'a Response> {
        self.responses
            .iter()
            .filter(move |r| r.question_id == question_id)
    }

    /// Whether there is a "what happened next" to reveal (white space alone is none).
    pub fn has_next_part(&self) -> bool {
        !self.next_part.trim().is_empty()
    }

    // ----- Steps on the projector --------------------------------------------------------

    /// The parts the projector shows, in order: the scenario, each question, then what
    /// happened next when there is one.
    pub fn steps(&self) -> Vec<VignetteStep> {
        let mut steps = vec![VignetteStep::Scenario];
        steps.extend((0..self.questions.len()).map(VignetteStep::Question));
        if self.has_next_part() {
            steps.push(VignetteStep::NextPart);
        }
        steps
    }

    /// The part after `step`, or None past the last (the clicker then goes on to the next
    /// item of the running order). A step that no longer exists (a removed question, a next
    /// part emptied) counts where it stood: the part after it is the first one after that
    /// place.
    pub fn step_after(&self, step: VignetteStep) -> Option<VignetteStep> {
        self.steps().into_iter().find(|s| *s > step)
    }

    /// The part before `step`, or None before the scenario (the clicker then goes back to the
    /// previous item of the running order). A step that no longer exists counts where it
    /// stood, as in [`Vignette::step_after`].
    pub fn step_before(&self, step: VignetteStep) -> Option<VignetteStep> {
        self.steps().into_iter().rev().find(|s| *s < step)
    }

    /// `step` if it still exists, else the nearest part before it (the last question, or the
    /// scenario): what the projector shows after a question it was showing is removed.
    pub fn clamp_step(&self, step: VignetteStep) -> VignetteStep {
        if self.steps().contains(&step) {
            step
        } else {
            self.step_before(step).unwrap_or(VignetteStep::Scenario)
        }
    }

    // ----- Edits -------------------------------------------------------------------------

    pub fn set_scenario(&mut self, text: &str) -> bool {
        replace(&mut self.scenario, text)
    }

    pub fn set_next_part(&mut self, text: &str) -> bool {
        replace(&mut self.next_part, text)
    }

    /// Adds a question at the end. Refused for an empty id or one already used.
    pub fn add_question(&mut self, id: String, text: String) -> bool {
        if id.is_empty() || self.question(&id).is_some() {
            return false;
        }
        self.questions.push(Question { id, text });
        true
    }

    pub fn edit_question(&mut self, id: &str, text: &str) -> bool {
        match self.questions.iter_mut().find(|q| q.id == id) {
            Some(question) => replace(&mut question.text, text),
            None => false,
        }
    }

    /// Moves a question one place up (`-1`) or down (`+1`). Refused past either end.
    pub fn move_question(&mut self, id: &str, offset: isize) -> bool {
        let Some(from) = self.question_index(id) else {
            return false;
        };
        let Some(to) = from.checked_add_signed(offset) else {
            return false;
        };
        if to >= self.questions.len() || to == from {
            return false;
        }
        let question = self.questions.remove(from);
        self.questions.insert(to, question);
        true
    }

    /// Removes a question and its responses, and returns them (None for an unknown id).
    pub fn remove_question(&mut self, id: &str) -> Option<(Question, Vec<Response>)> {
        let index = self.question_index(id)?;
        let question = self.questions.remove(index);
        let (gone, kept) = std::mem::take(&mut self.responses)
            .into_iter()
            .partition(|r| r.question_id == id);
        self.responses = kept;
        Some((question, gone))
    }

    /// Adds a response to a question. Refused for an empty or used id, and for a question
    /// that does not exist. `group_id` is a workshop group's id, or empty.
    pub fn add_response(
        &mut self,
        id: String,
        question_id: &str,
        text: String,
        group_id: String,
    ) -> bool {
        if id.is_empty() || self.response(&id).is_some() || self.question(question_id).is_none() {
            return false;
        }
        self.responses.push(Response {
            id,
            question_id: question_id.to_string(),
            text,
            resources: Vec::new(),
            group_id,
        });
        true
    }

    fn response_mut(&mut self, id: &str) -> Option<&mut Response> {
        self.responses.iter_mut().find(|r| r.id == id)
    }

    pub fn edit_response(&mut self, id: &str, text: &str) -> bool {
        match self.response_mut(id) {
            Some(response) => replace(&mut response.text, text),
            None => false,
        }
    }

    /// Tags the response with `resource`, or takes the tag off if it has it.
    pub fn toggle_resource(&mut self, response_id: &str, resource: Resource) -> bool {
        let Some(response) = self.response_mut(response_id) else {
            return false;
        };
        match response.resources.iter().position(|r| *r == resource) {
            Some(index) => {
                response.resources.remove(index);
            }
            None => response.resources.push(resource),
        }
        true
    }

    /// Says which workshop group gave the response (a group id, or empty for none).
    pub fn set_response_group(&mut self, id: &str, group_id: &str) -> bool {
        match self.response_mut(id) {
            Some(response) => replace(&mut response.group_id, group_id),
            None => false,
        }
    }

    pub fn remove_response(&mut self, id: &str) -> Option<Response> {
        let index = self.responses.iter().position(|r| r.id == id)?;
        Some(self.responses.remove(index))
    }

    /// The rules a vignette keeps: questions and responses have unique, non-empty ids, every
    /// response answers an existing question, and no response has the same tag twice. Each
    /// broken rule in plain words, with where.
    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut question_ids = HashSet::new();
        for (index, question) in self.questions.iter().enumerate() {
            if question.id.is_empty() {
                problems.push(format!("questions[{index}]: the id is empty"));
            } else if !question_ids.insert(question.id.as_str()) {
                problems.push(format!(
                    "questions[{index}]: the id {:?} is used twice",
                    question.id
                ));
            }
        }
        let mut response_ids = HashSet::new();
        for (index, response) in self.responses.iter().enumerate() {
            if response.id.is_empty() {
                problems.push(format!("responses[{index}]: the id is empty"));
            } else if !response_ids.insert(response.id.as_str()) {
                problems.push(format!(
                    "responses[{index}]: the id {:?} is used twice",
                    response.id
                ));
            }
            if !question_ids.contains(response.question_id.as_str()) {
                problems.push(format!(
                    "responses[{index}]: question_id {:?} names no question of this vignette",
                    response.question_id
                ));
            }
            let mut tags = HashSet::new();
            if let Some(repeated) = response.resources.iter().find(|r| !tags.insert(**r)) {
                problems.push(format!(
                    "responses[{index}]: the tag {:?} is given twice",
                    repeated.label()
                ));
            }
        }
        problems
    }
}

/// Sets `field` to `text`; whether that changed it.
fn replace(field: &mut String, text: &str) -> bool {
    if field == text {
        return false;
    }
    text.clone_into(field);
    true
}
