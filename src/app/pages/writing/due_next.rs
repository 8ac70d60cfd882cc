//! "What is due next" for the home page: the started assignments, soonest hand-in date first.

use leptos::prelude::*;

use crate::app::page::Card;
use crate::app::pages::writing::list::{editor_path, StartedSummary};
use crate::app::records::use_record;
use crate::storage::record_names::ASSIGNMENTS;

/// How many assignments the home page lists; the rest are a tap away on the assignments page.
const SHOWN_ON_HOME: usize = 2;

/// The home page's assignments card: the started assignments with the nearest hand-in dates
/// (those without a date last), each with its words against the target; or an invitation to
/// start one.
#[component]
pub fn AssignmentsDueNext() -> impl IntoView {
    let assignments = use_record(ASSIGNMENTS);
    let soonest = Memo::new(move |_| {
        let mut list = assignments.get();
        // Dated ones first, earliest first; undated ones keep their order after them.
        list.sort_by_key(|a| (a.due.is_none(), a.due));
        list.truncate(SHOWN_ON_HOME);
        list
    });
    view! {
        <Card heading_id="home-assignments" title="Assignments">
            {move || {
                let list = soonest.get();
                if list.is_empty() {
                    return view! {
                        <p>
                            "You haven't started an assignment yet. When you're ready, "
                            <a href="/assignments">"choose one to start"</a>
                            "; the brief and prompts are there to help."
                        </p>
                    }
                        .into_any();
                }
                list.into_iter()
                    .map(|assignment| {
                        let href = editor_path(&assignment.id);
                        let title = assignment.title.clone();
                        view! {
                            <div class="home-assignment">
                                <p><a href=href>{title}</a></p>
                                <StartedSummary assignment=assignment/>
                            </div>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </Card>
    }
}
