//! Every piece of text a workshop holds, in one walk, so replacing names and looking for
//! those left over can never disagree about which fields there are.
//!
//! Left out on purpose: ids (and the ids that name a group, an item, a question), the date,
//! colours, shapes, dashes, resources, relations and numbers. None of them is typed as words.

use super::super::orgmap::OrgMap;
use super::super::ranking::{Decision, DraftReason, RankItem, Ranking};
use super::super::venn::VennDiagram;
use super::super::vignette::Vignette;
use super::super::{plan::PlanEntry, ExerciseData, Workshop};
use TextKind::{FreeText, Label, Name, Note};

/// What a piece of text is, which decides what publishing does with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TextKind {
    /// The text is a name: an actor's, an institution's, a ranking item's label, the place.
    Name,
    /// What the exercise is, or what something is called: titles, labels, questions, the
    /// scenario and what happened next. Always kept.
    Label,
    /// The facilitator's notes: the workshop's, an exercise's, an actor's, a link's, an
    /// institution's.
    Note,
    /// What the group said or wrote: reasons, draft reasons, contributions, item
    /// descriptions, vignette responses.
    FreeText,
}

/// Visits one text: its kind, the text, and where it is in plain words. The words are made
/// only when asked for (pseudonymising never asks); a place names things as they were before
/// the visit, which for a published copy is what the facilitator sees.
pub(super) type Visit<'v> = dyn FnMut(TextKind, &mut String, &dyn Fn() -> String) + 'v;

/// Visits every text of the workshop, in the order it holds them: the workshop's own, the
/// plan's breaks, then each exercise's. Every exercise is made its own copy (`make_mut`).
pub(super) fn each_text_mut(workshop: &mut Workshop, visit: &mut Visit) {
    visit(Label, &mut workshop.title, &|| "Workshop: title".into());
    visit(Name, &mut workshop.place, &|| "Workshop: place".into());
    visit(Note, &mut workshop.notes, &|| "Workshop: notes".into());
    for group in workshop.groups.iter_mut() {
        let label = group.label.clone();
        let place = || format!("Workshop: participant group “{label}”");
        visit(Label, &mut group.label, &place);
    }
    for item in workshop.plan.iter_mut() {
        if let PlanEntry::Break { title } = &mut item.entry {
            let was = title.clone();
            visit(Label, title, &|| format!("Plan: break “{was}”"));
        }
    }
    for shared in &mut workshop.exercises {
        let exercise = shared.make_mut();
        let kind = match exercise.data {
            ExerciseData::OrganisationalMap(_) => "Map",
            ExerciseData::PowerVenn(_) => "Venn diagram",
            ExerciseData::PairwiseRanking(_) => "Ranking",
            ExerciseData::Vignette(_) => "Vignette",
        };
        let prefix = format!("{kind} “{}”", exercise.title);
        let at = |what: &str| format!("{prefix}: {what}");
        visit(Label, &mut exercise.title, &|| at("title"));
        visit(Note, &mut exercise.notes, &|| at("notes"));
        match &mut exercise.data {
            ExerciseData::OrganisationalMap(map) => map_texts(map, &at, visit),
            ExerciseData::PowerVenn(venn) => venn_texts(venn, &at, visit),
            ExerciseData::PairwiseRanking(ranking) => ranking_texts(ranking, &at, visit),
            ExerciseData::Vignette(vignette) => vignette_texts(vignette, &at, visit),
        }
    }
}

fn map_texts(map: &mut OrgMap, at: &dyn Fn(&str) -> String, visit: &mut Visit) {
    let OrgMap {
        question,
        groups,
        link_kinds,
        actors,
        links,
    } = map;
    visit(Label, question, &|| at("question"));
    for group in groups.iter_mut() {
        let label = group.label.clone();
        visit(Label, &mut group.label, &|| {
            at(&format!("actor group “{label}”"))
        });
    }
    for kind in link_kinds.iter_mut() {
        let label = kind.label.clone();
        visit(Label, &mut kind.label, &|| {
            at(&format!("link kind “{label}”"))
        });
    }
    for actor in actors.iter_mut() {
        let name = actor.name.clone();
        let of_actor = |what: &str| at(&format!("actor “{name}”{what}"));
        visit(Name, &mut actor.name, &|| of_actor(""));
        visit(Note, &mut actor.notes, &|| of_actor(", notes"));
        for (n, contribution) in actor.contributions.iter_mut().enumerate() {
            let resource = contribution.resource.label();
            let place = || of_actor(&format!(", contribution {} ({resource})", n + 1));
            visit(FreeText, &mut contribution.text, &place);
        }
    }
    let name_of = |id: &str| {
        actors
            .iter()
            .find(|a| a.id == id)
            .map_or(String::new(), |a| a.name.clone())
    };
    for link in links.iter_mut() {
        let place = || {
            let (from, to) = (name_of(&link.from), name_of(&link.to));
            at(&format!("link “{from}” → “{to}”, notes"))
        };
        visit(Note, &mut link.notes, &place);
    }
}

fn venn_texts(venn: &mut VennDiagram, at: &dyn Fn(&str) -> String, visit: &mut Visit) {
    visit(Label, &mut venn.community_label, &|| at("community"));
    for group in venn.groups.iter_mut() {
        let label = group.clone();
        visit(Label, group, &|| at(&format!("group “{label}”")));
    }
    for institution in venn.institutions.iter_mut() {
        let label = institution.label.clone();
        let of_institution = |what: &str| at(&format!("institution “{label}”{what}"));
        visit(Name, &mut institution.label, &|| of_institution(""));
        // The same replacement as the diagram's groups, so the institution still names one.
        visit(Label, &mut institution.group, &|| of_institution(", group"));
        visit(Note, &mut institution.notes, &|| of_institution(", notes"));
    }
}

fn ranking_texts(ranking: &mut Ranking, at: &dyn Fn(&str) -> String, visit: &mut Visit) {
    let Ranking {
        items,
        decisions,
        drafts,
        ballots,
        ..
    } = ranking;
    for item in items.iter_mut() {
        let label = item.label.clone();
        visit(Name, &mut item.label, &|| at(&format!("item “{label}”")));
        let place = || at(&format!("item “{label}”, description"));
        visit(FreeText, &mut item.description, &place);
    }
    let items: &[RankItem] = items;
    reason_texts(items, decisions, drafts, &|what| at(what), visit);
    for ballot in ballots.iter_mut() {
        let label = ballot.label.clone();
        let of_ballot = |what: &str| at(&format!("ballot “{label}”{what}"));
        visit(Label, &mut ballot.label, &|| of_ballot(""));
        let within = |what: &str| of_ballot(&format!(", {what}"));
        reason_texts(
            items,
            &mut ballot.decisions,
            &mut ballot.drafts,
            &within,
            visit,
        );
    }
}

/// The reasons of one set of decisions (the group's or a ballot's) and its drafts.
fn reason_texts(
    items: &[RankItem],
    decisions: &mut [Decision],
    drafts: &mut [DraftReason],
    at: &dyn Fn(&str) -> String,
    visit: &mut Visit,
) {
    let pair = |a: &str, b: &str| {
        let label = |id: &str| {
            items
                .iter()
                .find(|i| i.id == id)
                .map_or(id.to_string(), |i| i.label.clone())
        };
        format!("“{}” / “{}”", label(a), label(b))
    };
    for decision in decisions.iter_mut() {
        let place = || at(&format!("reason for {}", pair(&decision.a, &decision.b)));
        visit(FreeText, &mut decision.reason, &place);
    }
    for draft in drafts.iter_mut() {
        let place = || at(&format!("draft reason for {}", pair(&draft.a, &draft.b)));
        visit(FreeText, &mut draft.text, &place);
    }
}

fn vignette_texts(vignette: &mut Vignette, at: &dyn Fn(&str) -> String, visit: &mut Visit) {
    visit(Label, &mut vignette.scenario, &|| at("scenario"));
    for (n, question) in vignette.questions.iter_mut().enumerate() {
        visit(Label, &mut question.text, &|| {
            at(&format!("question {}", n + 1))
        });
    }
    visit(Label, &mut vignette.next_part, &|| at("what happened next"));
    let questions = &vignette.questions;
    for response in vignette.responses.iter_mut() {
        let number = questions
            .iter()
            .position(|q| q.id == response.question_id)
            .map_or(String::new(), |n| format!(" to question {}", n + 1));
        visit(FreeText, &mut response.text, &|| {
            at(&format!("a response{number}"))
        });
    }
}
