//! Two short pages reached from the course map: "Further reading" (the course's recommended
//! resources, each a link that opens outside the app) and "Peer support as a career" (the role in
//! brief, then a private self-reflection checklist, saved like everything else).
//!
//! The links are plain anchors: the browser only contacts another site if the trainee taps one,
//! and `rel="noopener noreferrer"` keeps that site from reaching back into this page or learning
//! where the visit came from. The Content-Security-Policy is unchanged (it governs what this page
//! loads, not where a tapped link goes).

use leptos::prelude::*;

use super::BackToCourse;
use crate::app::page::Page;
use crate::app::records::use_record;
use crate::domain::further_reading::{careers, further_reading, SkillList};
use crate::storage::record_names::CAREERS;

/// The further reading page.
#[component]
pub fn FurtherReadingPage() -> impl IntoView {
    view! {
        <Page title="Further reading">
            <BackToCourse/>
            <p class="lead">
                "The course suggests reading around what you cover in the classroom. These are its "
                "recommended resources. Each one is on another website and opens in a new tab, "
                "outside Peer Study: nothing is fetched until you choose to open it."
            </p>
            <ul class="reading-list">
                {further_reading()
                    .iter()
                    .map(|resource| {
                        let heading_id = format!("reading-{}", resource.id);
                        let labelled_by = heading_id.clone();
                        view! {
                            <li>
                                <article class="card" aria-labelledby=labelled_by>
                                    <h2 id=heading_id>{resource.title.clone()}</h2>
                                    <p class="hint">{resource.publisher.clone()}</p>
                                    <p>{resource.about.clone()}</p>
                                    <p>
                                        <a
                                            href=resource.url.clone()
                                            rel="noopener noreferrer"
                                            target="_blank"
                                        >
                                            {format!("Open {}", resource.title)}
                                            " (opens outside the app, in a new tab)"
                                        </a>
                                    </p>
                                </article>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p>
                "Thinking about the work itself? "
                <a href="/course/careers">"Peer support as a career"</a>
                " sums up the role, with a space to reflect on your own skills."
            </p>
        </Page>
    }
}

/// The careers page.
#[component]
pub fn CareersPage() -> impl IntoView {
    let content = careers();
    view! {
        <Page title="Peer support as a career">
            <BackToCourse/>
            <p class="lead">{content.intro.clone()}</p>
            {content
                .sections
                .iter()
                .map(|section| {
                    view! {
                        <section class="card">
                            <h2>{section.heading.clone()}</h2>
                            <p>{section.intro.clone()}</p>
                            <Show when={
                                let empty = section.items.is_empty();
                                move || !empty
                            }>
                                <ul>
                                    {section
                                        .items
                                        .iter()
                                        .map(|item| view! { <li>{item.clone()}</li> })
                                        .collect_view()}
                                </ul>
                            </Show>
                        </section>
                    }
                })
                .collect_view()}
            <p>
                "These points are summed up, in our words, from the NHS Health Careers page on the "
                "role, which is in "
                <a href="/course/reading">"Further reading"</a>
                "."
            </p>
            <SkillsChecklist list=SkillList::Have heading="Skills I already have"/>
            <SkillsChecklist list=SkillList::Grow heading="Skills I want to grow"/>
        </Page>
    }
}

/// One of the two self-reflection lists. Private: kept on this device like everything else.
#[component]
fn SkillsChecklist(
    /// Which list.
    list: SkillList,
    /// Its heading.
    heading: &'static str,
) -> impl IntoView {
    let reflection = use_record(CAREERS);
    let prefix = match list {
        SkillList::Have => "have",
        SkillList::Grow => "grow",
    };
    let heading_id = format!("skills-{prefix}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            <p class="hint">"Just for you: this stays on this device, like everything else."</p>
            <ul class="prep-list">
                {careers()
                    .skills
                    .iter()
                    .map(|skill| {
                        let checkbox_id = format!("skill-{prefix}-{}", skill.id);
                        let (read_id, write_id) = (skill.id.clone(), skill.id.clone());
                        view! {
                            <li class="prep-row">
                                <input
                                    type="checkbox"
                                    id=checkbox_id.clone()
                                    prop:checked=move || {
                                        reflection.with(|r| r.is_ticked(list, &read_id))
                                    }
                                    on:change=move |ev| {
                                        let ticked = event_target_checked(&ev);
                                        reflection.update(|r| r.set(list, &write_id, ticked));
                                    }
                                />
                                <label for=checkbox_id>{skill.text.clone()}</label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
