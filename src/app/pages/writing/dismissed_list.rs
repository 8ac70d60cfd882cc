//! What the trainee chose not to have flagged in this draft, each with "Flag again", so a
//! dismissal is never a one-way door.

use leptos::html::Div;
use leptos::prelude::*;

use crate::app::form::focus_node;
use crate::app::pages::writing::draft_state::DraftState;
use crate::domain::dismissal::Dismissal;

/// The draft's dismissals, folded away; nothing at all while there are none.
#[component]
pub fn DismissedList(
    /// The open draft.
    state: DraftState,
    /// The draft's dismissals.
    dismissed: Memo<Vec<Dismissal>>,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let container = NodeRef::<Div>::new();
    let flag_again = move |dismissal: Dismissal| {
        let matched = dismissal.matched().to_string();
        state.change(move |draft, _| draft.undismiss(&dismissal));
        status.set(format!("“{matched}” will be flagged again."));
        focus_node(container);
    };
    let items = move || {
        dismissed
            .get()
            .into_iter()
            .map(|dismissal| {
                let what = match &dismissal {
                    Dismissal::Spot { matched, .. } => format!("“{matched}”, in one spot"),
                    Dismissal::Entry { matched, .. } => {
                        format!("“{matched}” and its other forms, everywhere in this draft")
                    }
                };
                view! {
                    <li class="lc-dismissed-item">
                        <span>{what}</span>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| flag_again(dismissal.clone())
                        >
                            "Flag again"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="lc-dismissed" tabindex="-1" node_ref=container>
            <Show when=move || dismissed.with(|d| !d.is_empty())>
                <details class="card">
                    <summary>
                        {move || format!("Phrases you chose not to flag in this draft ({})", dismissed.with(Vec::len))}
                    </summary>
                    <ul class="lc-dismissed-list">{items}</ul>
                </details>
            </Show>
            <p class="status" role="status">{move || status.get()}</p>
        </div>
    }
}
