//! Home: "what should I do next?" at a glance. The next session with its prep (tick it off right
//! here), earlier prep still open (said kindly), where the trainee stands on graduating
//! (attendance and assignments), and on first use an invitation to set the course dates.

use leptos::prelude::*;

use super::course::{module_href, GraduationCard, PrepChecklist};
use crate::app::clock::today;
use crate::app::lazy_area::{device_notices, home_cards, LazyPart};
use crate::app::page::{Card, Page};
use crate::app::records::use_record;
use crate::domain::next_steps::{what_next, NextSteps, Stage};
use crate::storage::record_names::{ATTENDANCE, COURSE, SCHEDULE};

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let course = use_record(COURSE);
    let schedule = use_record(SCHEDULE);
    let attendance = use_record(ATTENDANCE);
    let today = today();
    let steps: Memo<NextSteps> = Memo::new(move |_| {
        course.with(|c| schedule.with(|s| attendance.with(|a| what_next(c, s.as_ref(), a, today))))
    });
    let stage = Memo::new(move |_| steps.with(|s| s.stage));
    // The next session's modules, by id only, so ticking an item keeps the list (and focus) put.
    let next_modules = Memo::new(move |_| {
        steps.with(|s| {
            s.next_session
                .as_ref()
                .map(|n| {
                    n.modules
                        .iter()
                        .map(|m| m.module_id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let next_when = move || {
        steps.with(|s| {
            s.next_session
                .as_ref()
                .map(|n| format!("{} · {} · {}", n.label, n.date.display_short(), n.when))
        })
    };
    let earlier = Memo::new(move |_| {
        steps.with(|s| {
            s.earlier_prep
                .iter()
                .map(|e| {
                    let open = e.module.open_items.len();
                    (
                        e.module.module_id.clone(),
                        e.module.title.clone(),
                        if open == 1 {
                            "1 task still open".to_string()
                        } else {
                            format!("{open} tasks still open")
                        },
                    )
                })
                .collect::<Vec<_>>()
        })
    });

    view! {
        <Page title="Welcome to Peer Study">
            <p class="lead home-headline">{move || steps.with(|s| s.headline.clone())}</p>
            // The Safari notice and the install offer, with the lower cards' piece: they apply on
            // few devices, and the cards below already say if the piece can't be fetched.
            <LazyPart load=device_notices quiet=true/>
            <Show when=move || stage.get() == Stage::NeedsDates>
                <Card heading_id="home-dates" title="Start with your course dates">
                    <p>
                        "Tell Peer Study when your course starts and which day it runs, and it "
                        "will show you each session and the prep for it, here on this page."
                    </p>
                    <p>
                        <a href="/course/dates" class="button primary">"Set your course start date"</a>
                    </p>
                    <p>
                        "Or have a look around "
                        <a href="/course">"your course"</a>
                        " first: sixteen modules and a placement."
                    </p>
                </Card>
            </Show>
            <Show when=move || !next_modules.with(Vec::is_empty)>
                <Card heading_id="home-next" title="Your next session">
                    <p class="module-meta">{next_when}</p>
                    <For
                        each=move || next_modules.get()
                        key=|id| id.clone()
                        children=move |id| {
                            let title_id = id.clone();
                            let title = move || {
                                course.with(|c| {
                                    c.module(&title_id).map(|m| m.title.clone()).unwrap_or_default()
                                })
                            };
                            view! {
                                <div class="home-module">
                                    <h3>
                                        <a href=module_href(&id)>{title}</a>
                                    </h3>
                                    <PrepChecklist module_id=id/>
                                </div>
                            }
                        }
                    />
                </Card>
            </Show>
            <Show when=move || !earlier.with(Vec::is_empty)>
                <Card heading_id="home-earlier" title="From earlier sessions">
                    <p>{move || steps.with(|s| s.earlier_prep_message.clone())}</p>
                    <ul class="earlier-list">
                        <For
                            each=move || earlier.get()
                            key=|(id, title, open)| (id.clone(), title.clone(), open.clone())
                            children=|(id, title, open)| {
                                view! {
                                    <li>
                                        <a href=module_href(&id)>{title}</a>
                                        <span class="module-when">{open}</span>
                                    </li>
                                }
                            }
                        />
                    </ul>
                </Card>
            </Show>
            // One tap to the journal: trainees reflect most on the go, between sessions.
            <Card heading_id="home-journal" title="Your reflection journal">
                <p>
                    "A few lines after a session or on the way home soon add up, and they are "
                    "the raw material for your essay."
                </p>
                <p>
                    <a href="/course/journal" class="button">"Write a reflection"</a>
                </p>
            </Card>
            // The cards below load a moment after the rest, in a piece of their own: what they
            // need (the assignments, the backup file, the flashcards) is a third of the app.
            <LazyPart load=home_cards/>
            <Card heading_id="home-privacy" title="Your words stay with you">
                <p>
                    "Everything you add is stored in this browser on this device. Nothing is sent "
                    "anywhere unless you choose to export or back it up."
                </p>
                <p>
                    "You can choose a light or dark look and a comfortable text size in "
                    <a href="/settings">"Settings"</a>"."
                </p>
            </Card>
        </Page>
    }
}

/// The home page's cards that load after the rest (see [`LazyPart`]): the assignments due next,
/// where the trainee stands on graduating, the backup reminder and today's flashcards.
#[component]
pub fn HomeCards() -> impl IntoView {
    view! {
        <crate::app::pages::writing::AssignmentsDueNext/>
        // Attendance and the assignments together: where the trainee stands on graduating.
        <GraduationCard/>
        <crate::app::notices::BackupReminder/>
        <crate::app::pages::FlashcardsDue/>
    }
}
