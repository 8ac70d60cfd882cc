//! The drafting space for one assignment (`/assignments/:id`): the brief, the word count against
//! the target, the sections to write in (with the recovery-language checker, which can be turned
//! off), outline changes, focus mode, version history, export and print. The editor's own tools
//! sit in a bar that stays in reach as the page scrolls (editor_toolbar.rs).

use leptos::html::{Button, Div};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::app::clock::{now_ms, today};
use crate::app::page::{MissingPage, Page};
use crate::app::pages::writing::assignment_details::AssignmentDetails;
use crate::app::pages::writing::dismissed_list::DismissedList;
use crate::app::pages::writing::draft_state::DraftState;
use crate::app::pages::writing::editor_toolbar::EditorToolbar;
use crate::app::pages::writing::export_panel::ExportPanel;
use crate::app::pages::writing::history_panel::{keep_automatic_snapshots, HistoryPanel};
use crate::app::pages::writing::language_check::LanguageCheck;
use crate::app::pages::writing::outline::AddSection;
use crate::app::pages::writing::print_view::{clear_print_view, fill_print_view};
use crate::app::pages::writing::section_editor::SectionEditor;
use crate::app::records::{use_record, Records};
use crate::domain::assignment::{course_assignment, Assignment, Draft};
use crate::domain::export::ExportDocument;
use crate::domain::word_count::{reading_time_label, TargetProgress};
use crate::storage::record_names::{self, ASSIGNMENTS, PROFILE};

/// The root class that hides the app's header and navigation while in focus mode.
pub const FOCUS_MODE_CLASS: &str = "writing-focus";

/// The editor page, for the assignment named in the address.
#[component]
pub fn EditorPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // A fresh editor for each assignment, so nothing from one draft lingers in the next.
    move || {
        let id = id.get();
        view! { <Editor id/> }
    }
}

/// The whole draft's count against the target, a progress bar, and the reading time.
#[component]
fn DraftSummary(
    /// The open draft.
    state: DraftState,
    /// The assignment, for its target.
    assignment: Memo<Option<Assignment>>,
) -> impl IntoView {
    let target = Memo::new(move |_| assignment.with(|a| a.as_ref().and_then(|a| a.word_target)));
    let progress = Memo::new(move |_| TargetProgress::new(state.total_words(), target.get()));
    view! {
        <div class="draft-summary">
            <p class="draft-total">
                <strong id="draft-total">{move || progress.with(TargetProgress::label)}</strong>
                {move || {
                    let note = progress.with(TargetProgress::note);
                    (!note.is_empty()).then(|| format!(" · {note}"))
                }}
            </p>
            <Show when=move || target.get().is_some()>
                <div class="progress" aria-hidden="true">
                    <span style:width=move || format!("{}%", progress.with(TargetProgress::percent))></span>
                </div>
            </Show>
            <p class="reading-time">{move || reading_time_label(state.total_words())}</p>
        </div>
    }
}

/// The page shown when the address names no assignment on this device.
#[component]
fn NoSuchAssignment() -> impl IntoView {
    view! {
        <MissingPage
            title="Assignment not found"
            explanation="We couldn't find that assignment on this device. It may not have been \
                         started here yet."
            ways_on=&[("/assignments", "Go to your assignments")]
        />
    }
}

/// The editor for one assignment that exists on this device.
#[component]
fn Editor(
    /// The assignment's id.
    id: String,
) -> impl IntoView {
    let assignments = use_record(ASSIGNMENTS);
    if !assignments.with_untracked(|list| list.iter().any(|a| a.id == id)) {
        return view! { <NoSuchAssignment/> }.into_any();
    }
    let draft_name = record_names::draft(&id);
    let draft = use_record(&draft_name);
    let history = use_record(record_names::history(&id));
    let profile = use_record(PROFILE);
    // A started assignment whose draft is not stored (yet) gets its outline back, empty.
    if draft.with_untracked(|d| d.assignment_id.is_empty()) {
        let outline = course_assignment(&id).map_or(&[][..], |t| t.outline.as_slice());
        draft.set(Draft::from_outline(&id, outline, now_ms()));
    }
    let state = DraftState::new(
        draft,
        expect_context::<Records>().outside_changes(&draft_name),
    );
    keep_automatic_snapshots(state, history);
    let check = LanguageCheck::new(state, profile);

    let id_for_memo = id.clone();
    let assignment = Memo::new(move |_| {
        assignments.with(|list| list.iter().find(|a| a.id == id_for_memo).cloned())
    });
    let title = Signal::derive(move || {
        assignment.with(|a| a.as_ref().map(|a| a.title.clone()).unwrap_or_default())
    });
    let brief = assignment
        .with_untracked(|a| a.as_ref().map(|a| a.brief.clone()))
        .unwrap_or_default();

    // Focus mode: everything but the text steps aside, including the app's header and
    // navigation (hence the class on the root). Its button always leaves it, and so does Escape.
    let focus_mode = RwSignal::new(false);
    let focus_button = NodeRef::<Button>::new();
    let tools_open = RwSignal::new(false);
    let tools_button = NodeRef::<Button>::new();
    Effect::new(move |_| {
        let on = focus_mode.get();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force(FOCUS_MODE_CLASS, on);
        }
    });
    let on_escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && tools_open.get_untracked() {
            tools_open.set(false);
            if let Some(button) = tools_button.get_untracked() {
                let _ = button.focus();
            }
            return;
        }
        if ev.key() == "Escape" && focus_mode.get_untracked() {
            focus_mode.set(false);
            // Typing carries on where it was; otherwise focus lands on the toggle.
            let in_text = document()
                .active_element()
                .is_some_and(|e| e.tag_name().eq_ignore_ascii_case("textarea"));
            if !in_text {
                if let Some(button) = focus_button.get_untracked() {
                    let _ = button.focus();
                }
            }
        }
    });

    // The printable copy is built just before printing (see print_view.rs).
    let print_view = NodeRef::<Div>::new();
    let before_print = window_event_listener_untyped("beforeprint", move |_| {
        let Some(container) = print_view.get_untracked() else {
            return;
        };
        let date = today();
        assignment.with_untracked(|a| {
            let Some(a) = a.as_ref() else { return };
            state.draft.with_untracked(|d| {
                profile.with_untracked(|p| {
                    let doc = ExportDocument::new(a, d, p.trainee_name(), p.course_name(), date)
                        .keeping_empty_sections(p.export_keeps_outline);
                    fill_print_view(&container, &doc);
                })
            })
        });
    });
    let after_print = window_event_listener_untyped("afterprint", move |_| {
        if let Some(container) = print_view.get_untracked() {
            clear_print_view(&container);
        }
    });
    on_cleanup(move || {
        on_escape.remove();
        before_print.remove();
        after_print.remove();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_1(FOCUS_MODE_CLASS);
        }
    });

    let section_ids =
        Memo::new(move |_| draft.with(|d| d.sections.iter().map(|s| s.id).collect::<Vec<_>>()));
    let outline_status = RwSignal::new(String::new());
    let brief_view = (!brief.trim().is_empty()).then(|| {
        view! {
            <details class="card brief hide-in-focus">
                <summary>"The brief"</summary>
                <p>{brief}</p>
            </details>
        }
    });

    view! {
        <div class="writing editor" class:focus-mode=move || focus_mode.get()>
            <Page title>
                <p class="back-link hide-in-focus">
                    <a href="/assignments">"All assignments"</a>
                </p>
                <EditorToolbar check profile focus_mode focus_button tools_open tools_button/>
                <div class="hide-in-focus">
                    <DraftSummary state assignment/>
                </div>
                {brief_view}
                <div class="hide-in-focus">
                    <AssignmentDetails assignments id=id.clone()/>
                </div>
                <div class="draft-sections">
                    <For
                        each=move || section_ids.get()
                        key=|section| *section
                        children=move |section| {
                            view! {
                                <SectionEditor state id=section check announce=outline_status.write_only()/>
                            }
                        }
                    />
                </div>
                <div class="hide-in-focus">
                    <p class="status" role="status">{move || outline_status.get()}</p>
                    <AddSection state announce=outline_status.write_only()/>
                    <DismissedList state dismissed=check.dismissed/>
                    <HistoryPanel state history/>
                    <ExportPanel state assignment profile/>
                </div>
            </Page>
            <div class="print-view" node_ref=print_view></div>
        </div>
    }
    .into_any()
}
