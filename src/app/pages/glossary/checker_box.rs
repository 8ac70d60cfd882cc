//! "Try the checker": a box on the glossary page where the trainee types a sentence and sees what
//! the recovery-language checker notices, with the glossary's own entries and theirs, and can
//! apply a suggestion and undo it. Nothing typed here is saved.
//!
//! Findings are shown as text nodes only: what the trainee typed is never read as HTML.

use leptos::prelude::*;

use super::undo_notice::UndoNotice;
use crate::app::form::{focus_id, focus_node, Control, Field};
use crate::app::language_checker::use_language_checker;
use crate::domain::language_check::{apply_suggestion, Finding, TextEdit};

/// The last change made from a suggestion, for the status line and its Undo button.
#[derive(Debug, Clone, PartialEq)]
struct Applied {
    edit: TextEdit,
}

/// The checker box.
#[component]
pub(super) fn TryTheChecker() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let applied = RwSignal::new(None::<Applied>);
    let problem = RwSignal::new(None::<String>);
    let undo_button = NodeRef::<leptos::html::Button>::new();

    // Compiled from the built-in glossary and the trainee's own entries, and only rebuilt when
    // their own entries change (shared with the editor; see language_checker.rs).
    let checker = use_language_checker();
    let findings = Memo::new(move |_| checker.with(|checker| text.with(|t| checker.check(t))));

    let apply = move |finding: Finding, suggestion: String| {
        let result = text.with_untracked(|t| apply_suggestion(t, &finding, &suggestion));
        match result {
            Ok((new_text, edit)) => {
                text.set(new_text);
                problem.set(None);
                applied.set(Some(Applied { edit }));
                focus_node(undo_button);
            }
            Err(error) => problem.set(Some(error.to_string())),
        }
    };
    let undo = Callback::new(move |()| {
        let Some(Applied { edit }) = applied.get_untracked() else {
            return;
        };
        match text.with_untracked(|t| edit.undo(t)) {
            Ok(old_text) => {
                text.set(old_text);
                problem.set(None);
            }
            Err(error) => problem.set(Some(error.to_string())),
        }
        applied.set(None);
        focus_id("try-checker-text");
    });

    let summary = move || {
        let count = findings.with(Vec::len);
        if text.read().trim().is_empty() {
            String::new()
        } else if count == 0 {
            "Nothing to look at again in this text.".to_string()
        } else if count == 1 {
            "1 phrase you might put differently.".to_string()
        } else {
            format!("{count} phrases you might put differently.")
        }
    };

    let finding_items = move || {
        findings
            .get()
            .into_iter()
            .map(|finding| {
                let about = format!("/glossary/{}", finding.entry_id);
                let has_buttons = !finding.suggestions.is_empty();
                let buttons = finding
                    .suggestions
                    .iter()
                    .map(|suggestion| {
                        let finding = finding.clone();
                        let suggestion = suggestion.clone();
                        let label = format!("Use “{suggestion}”");
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| apply(finding.clone(), suggestion.clone())
                                >
                                    {label}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <li class="finding">
                        <p class="finding-phrase">
                            <span class="gl-label">"Found: "</span>
                            {format!("“{}”", finding.matched)}
                        </p>
                        {(!finding.why.is_empty())
                            .then(|| view! { <p class="finding-why">{finding.why.clone()}</p> })}
                        {finding
                            .ideas_text()
                            .map(|ideas| view! { <p class="finding-ideas">{ideas}</p> })}
                        // No empty list when nothing fits the sentence with one tap.
                        {has_buttons.then(|| view! {
                            <ul class="suggestion-buttons" aria-label="Suggestions">
                                {buttons}
                            </ul>
                        })}
                        <p>
                            <a href=about>"More about this in the glossary"</a>
                        </p>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <section class="card try-checker" aria-labelledby="try-checker-heading">
            <h2 id="try-checker-heading" tabindex="-1">"Try the checker"</h2>
            <p>
                "Write or paste a sentence to see which phrases the checker notices, your own "
                "“instead of” phrases included. Nothing you type here is saved."
            </p>
            <Field id="try-checker-text" label="Your sentence" value=text control=Control::TextArea(3)/>
            <div role="status" class="checker-status">
                <p>{summary}</p>
                {move || {
                    applied
                        .get()
                        .map(|Applied { edit }| {
                            let text = format!("Changed “{}” to “{}”. ", edit.removed, edit.inserted);
                            view! { <UndoNotice text undo_button on_undo=undo/> }
                        })
                }}
                {move || problem.get().map(|text| view! { <p class="gl-notice">{text}</p> })}
            </div>
            <ul class="finding-list">{finding_items}</ul>
        </section>
    }
}
