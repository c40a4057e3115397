//! The ballots' results, once the facilitator reveals them: the Bradley–Terry strengths with
//! their intervals (a chart and a table), how far participants agree (Kendall's W), the
//! group's own decision beside the ballots with the most disputed items marked, and each
//! participant's own order with its circular triads. Ranks are never added up: the method
//! is named wherever the figures are.

use super::RankingHandle;
use crate::export::ballots as export;
use crate::model::ranking::{Aggregate, Ranking};
use leptos::prelude::*;
use std::time::Duration;

/// What the results are made from: the ranking as it was when last worked out. The work
/// (a thousand refits) runs after the key that revealed it has been answered and the screen
/// has said "Working out…", never inside a keypress.
#[component]
pub fn BallotResults() -> impl IntoView {
    let handle = expect_context::<RankingHandle>();
    let worked_out = RwSignal::new(None::<(Ranking, Option<Aggregate>)>);
    Effect::new(move |_| {
        let Some(ranking) = handle.with(Clone::clone) else {
            return;
        };
        let unchanged =
            worked_out.with_untracked(|w| w.as_ref().is_some_and(|(r, _)| *r == ranking));
        if unchanged {
            return;
        }
        set_timeout(
            move || {
                let aggregate = crate::ui::timing::measured("ballots-aggregate", || {
                    export::aggregate_of(&ranking)
                });
                worked_out.set(Some((ranking, aggregate)));
            },
            Duration::ZERO,
        );
    });
    let meta = move || handle.meta();
    view! {
        <section class="ballot-results" aria-label="The ballots' results">
            <h2>"The ballots together"</h2>
            {move || worked_out.with(|w| match w {
                None => view! { <p class="lead" aria-live="polite">"Working out the results…"</p> }.into_any(),
                Some((_, None)) => view! { <p class="lead">"No ballot is handed in yet."</p> }.into_any(),
                Some((ranking, Some(aggregate))) => results(ranking, aggregate, &meta()).into_any(),
            })}
        </section>
    }
}

fn label_of(ranking: &Ranking, id: &str) -> String {
    ranking
        .item(id)
        .map(|i| i.label.clone())
        .unwrap_or_default()
}

fn results(
    ranking: &Ranking,
    aggregate: &Aggregate,
    meta: &crate::export::FigureMeta,
) -> impl IntoView {
    // Our own SVG writer escapes every label, so its picture is safe to insert.
    let chart = export::aggregate_chart_svg(ranking, meta);
    let strengths = aggregate
        .items
        .iter()
        .map(|item| {
            let rank = if item.shared {
                format!("={}", item.rank)
            } else {
                item.rank.to_string()
            };
            let share = item
                .win_share
                .map(|s| format!("{:.0}%", s * 100.0))
                .unwrap_or_else(|| "–".into());
            view! {
                <tr>
                    <td class="number">{rank}</td>
                    <th scope="row" dir="auto">{label_of(ranking, &item.item_id)}</th>
                    <td class="number">{format!("{:.1}", item.strength)}</td>
                    <td class="number">{format!("{:.1} – {:.1}", item.low, item.high)}</td>
                    <td class="number">{share}</td>
                </tr>
            }
        })
        .collect_view();
    let agreement = match aggregate.kendall_w {
        Some(w) => format!("Agreement across the {} participants (Kendall's W): {w:.2}, from 0 (none) to 1 (the same order).", aggregate.ballots_counted),
        None => format!("{} ballot counted: agreement needs two or more.", aggregate.ballots_counted),
    };
    let disputed: Vec<String> = aggregate
        .most_disputed()
        .iter()
        .map(|d| d.item_id.clone())
        .collect();
    let side_by_side = aggregate.disagreements.iter().map(|d| {
        let marked = disputed.contains(&d.item_id);
        let group = d.group_rank.map(|r| r.to_string()).unwrap_or_else(|| "–".into());
        view! {
            <tr class:disputed=marked>
                <th scope="row" dir="auto">{label_of(ranking, &d.item_id)}{marked.then(|| view! { <span class="disputed-mark">" ▲ most disputed"</span> })}</th>
                <td class="number">{group}</td>
                <td class="number">{d.ballots_rank.to_string()}</td>
            </tr>
        }
    }).collect_view();
    let orders = aggregate.participant_orders.iter().map(|order| {
        let own = ranking.ballot_ranking(&order.ballot_id);
        let circles = own.map(|own| {
            let check = own.consistency();
            match (check.circular_count, check.zeta) {
                (0, _) => "none".to_string(),
                (n, Some(z)) => format!("{n} (ζ = {z:.2})"),
                (n, None) => n.to_string(),
            }
        }).unwrap_or_default();
        let list = order.order.iter().zip(&order.ranks).map(|(id, rank)| {
            view! { <li><span class="number">{format!("{rank}.")}</span>" "<bdi>{label_of(ranking, id)}</bdi></li> }
        }).collect_view();
        view! {
            <tr>
                <th scope="row" dir="auto">{order.label.clone()}</th>
                <td><ol class="own-order">{list}</ol></td>
                <td>{circles}</td>
            </tr>
        }
    }).collect_view();
    view! {
        <p class="method-note">{aggregate.method_note}</p>
        <div class="chart" inner_html=chart></div>
        <table class="ballot-strengths">
            <caption>"Strengths from the ballots"</caption>
            <thead><tr><th scope="col" class="number">"Rank"</th><th scope="col">"Item"</th><th scope="col" class="number">"Strength (of 100)"</th><th scope="col" class="number">"95% interval"</th><th scope="col" class="number">"Mean win share"</th></tr></thead>
            <tbody>{strengths}</tbody>
        </table>
        <p class="agreement">{agreement}</p>
        <table class="ballots-against-group">
            <caption>"The group's decision and the ballots, side by side"</caption>
            <thead><tr><th scope="col">"Item"</th><th scope="col" class="number">"Group's rank"</th><th scope="col" class="number">"Ballots' rank"</th></tr></thead>
            <tbody>{side_by_side}</tbody>
        </table>
        <table class="participant-orders">
            <caption>"Each participant's own order"</caption>
            <thead><tr><th scope="col">"Participant"</th><th scope="col">"Order"</th><th scope="col">"Circles"</th></tr></thead>
            <tbody>{orders}</tbody>
        </table>
    }
}
