//! Prep progress: one [`Progress`] value, used for a module, a classroom day and the whole course,
//! so every screen shows progress the same way ("3 of 4 tasks · 45 of 60 min").

use super::course::{CourseState, Module, ModuleId};

/// Ticked against total, in tasks and in estimated minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Tasks ticked.
    pub done_items: u32,
    /// Tasks in all.
    pub total_items: u32,
    /// Estimated minutes of the ticked tasks.
    pub done_minutes: u32,
    /// Estimated minutes of all tasks.
    pub total_minutes: u32,
}

impl Progress {
    /// Progress through one module's checklist (or the placement's).
    pub fn of_module(course: &CourseState, module: &Module) -> Self {
        module
            .checklist
            .iter()
            .fold(Self::default(), |mut p, item| {
                p.total_items += 1;
                p.total_minutes += item.minutes;
                if course.is_ticked(&item.id) {
                    p.done_items += 1;
                    p.done_minutes += item.minutes;
                }
                p
            })
    }

    /// The sum of two progresses (for a day of two modules, or the course).
    pub fn plus(self, other: Progress) -> Progress {
        Progress {
            done_items: self.done_items + other.done_items,
            total_items: self.total_items + other.total_items,
            done_minutes: self.done_minutes + other.done_minutes,
            total_minutes: self.total_minutes + other.total_minutes,
        }
    }

    /// Tasks still open.
    pub fn open_items(&self) -> u32 {
        self.total_items - self.done_items
    }

    /// Estimated minutes still to do.
    pub fn open_minutes(&self) -> u32 {
        self.total_minutes - self.done_minutes
    }

    /// True when there are tasks and all are ticked.
    pub fn is_complete(&self) -> bool {
        self.total_items > 0 && self.done_items == self.total_items
    }

    /// True when nothing is ticked yet.
    pub fn is_untouched(&self) -> bool {
        self.done_items == 0
    }

    /// Share of tasks ticked, 0 to 100, rounded down so 100 means every task (for a progress bar).
    /// An empty checklist is 0.
    pub fn percent(&self) -> u32 {
        (self.done_items * 100)
            .checked_div(self.total_items)
            .unwrap_or(0)
    }

    /// "3 of 4 tasks · 45 of 60 min", the one wording used everywhere.
    pub fn label(&self) -> String {
        let tasks = if self.total_items == 1 {
            "task"
        } else {
            "tasks"
        };
        let mut label = format!("{} of {} {tasks}", self.done_items, self.total_items);
        if self.total_minutes > 0 {
            label.push_str(&format!(
                " · {} of {} min",
                self.done_minutes, self.total_minutes
            ));
        }
        label
    }
}

/// Progress for every module and for the course as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseProgress {
    /// Each module in course order with its progress.
    pub modules: Vec<(ModuleId, Progress)>,
    /// The placement checklist.
    pub placement: Progress,
    /// Modules and placement together.
    pub overall: Progress,
    /// Modules whose checklist is all ticked.
    pub modules_complete: u32,
}

/// Progress through one module (or the placement) by id; `None` if it is not in the course.
pub fn module_progress(course: &CourseState, module_id: &str) -> Option<Progress> {
    course
        .module(module_id)
        .map(|m| Progress::of_module(course, m))
}

/// Progress through a set of modules, such as the two taught on one day.
pub fn modules_progress<'a>(
    course: &CourseState,
    module_ids: impl IntoIterator<Item = &'a ModuleId>,
) -> Progress {
    module_ids
        .into_iter()
        .filter_map(|id| module_progress(course, id))
        .fold(Progress::default(), Progress::plus)
}

/// Progress for the whole course: every module in order, the placement, and the total.
pub fn course_progress(course: &CourseState) -> CourseProgress {
    let modules: Vec<(ModuleId, Progress)> = course
        .modules
        .iter()
        .map(|m| (m.id.clone(), Progress::of_module(course, m)))
        .collect();
    let placement = Progress::of_module(course, &course.placement);
    let overall = modules
        .iter()
        .map(|(_, p)| *p)
        .fold(placement, Progress::plus);
    let modules_complete = modules.iter().filter(|(_, p)| p.is_complete()).count() as u32;
    CourseProgress {
        modules,
        placement,
        overall,
        modules_complete,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::course::{ItemDraft, TaskKind, PLACEMENT_ID};

    #[test]
    fn a_fresh_module_is_untouched_and_counts_its_minutes() {
        let course = CourseState::from_builtin();
        let p = module_progress(&course, "welcome").unwrap();
        assert_eq!(
            p,
            Progress {
                done_items: 0,
                total_items: 4,
                done_minutes: 0,
                total_minutes: 60
            }
        );
        assert!(p.is_untouched() && !p.is_complete());
        assert_eq!(p.percent(), 0);
        assert_eq!(p.label(), "0 of 4 tasks · 0 of 60 min");
        assert!(module_progress(&course, "nope").is_none());
    }

    #[test]
    fn ticking_moves_tasks_and_minutes_together() {
        let mut course = CourseState::from_builtin();
        course.set_ticked("welcome:hopes", true).unwrap();
        course.set_ticked("welcome:introduce", true).unwrap();
        let p = module_progress(&course, "welcome").unwrap();
        assert_eq!(
            (
                p.done_items,
                p.done_minutes,
                p.open_items(),
                p.open_minutes()
            ),
            (2, 30, 2, 30)
        );
        assert_eq!(p.percent(), 50);
        for id in ["welcome:course-shape", "welcome:ground-rules"] {
            course.set_ticked(id, true).unwrap();
        }
        let p = module_progress(&course, "welcome").unwrap();
        assert!(p.is_complete());
        assert_eq!(p.percent(), 100);
    }

    #[test]
    fn percent_rounds_down_so_only_a_finished_checklist_shows_100() {
        let p = Progress {
            done_items: 5,
            total_items: 6,
            done_minutes: 0,
            total_minutes: 0,
        };
        assert_eq!(p.percent(), 83);
        let p = Progress {
            done_items: 2,
            total_items: 3,
            ..Progress::default()
        };
        assert_eq!(p.percent(), 66);
        assert_eq!(Progress::default().percent(), 0);
        assert!(
            !Progress::default().is_complete(),
            "an empty checklist is not 'done'"
        );
        let one = Progress {
            done_items: 1,
            total_items: 1,
            done_minutes: 0,
            total_minutes: 0,
        };
        assert_eq!(one.label(), "1 of 1 task");
    }

    #[test]
    fn own_items_count_and_removed_ones_stop_counting() {
        let mut course = CourseState::from_builtin();
        let draft = ItemDraft {
            text: "Extra read".into(),
            minutes: "20".into(),
            kind: TaskKind::Read,
        };
        let id = course.add_own_item("welcome", &draft).unwrap();
        course.set_ticked(&id, true).unwrap();
        let p = module_progress(&course, "welcome").unwrap();
        assert_eq!(
            (p.done_items, p.total_items, p.done_minutes, p.total_minutes),
            (1, 5, 20, 80)
        );
        course.remove_own_item(&id).unwrap();
        assert_eq!(module_progress(&course, "welcome").unwrap().total_items, 4);
    }

    #[test]
    fn the_course_total_adds_every_module_and_the_placement() {
        let mut course = CourseState::from_builtin();
        course.set_ticked("placement:hopes", true).unwrap();
        for item in course.module("welcome").unwrap().checklist.clone() {
            course.set_ticked(&item.id, true).unwrap();
        }
        let all = course_progress(&course);
        assert_eq!(all.modules.len(), 16);
        assert_eq!(all.modules_complete, 1);
        assert_eq!(all.placement.done_items, 1);
        let expected_items: u32 = course
            .modules_and_placement()
            .map(|m| m.checklist.len() as u32)
            .sum();
        let expected_minutes: u32 = course
            .modules_and_placement()
            .map(Module::total_minutes)
            .sum();
        assert_eq!(all.overall.total_items, expected_items);
        assert_eq!(all.overall.total_minutes, expected_minutes);
        assert_eq!(all.overall.done_items, 5);
        assert_eq!(module_progress(&course, PLACEMENT_ID), Some(all.placement));
    }

    #[test]
    fn a_set_aside_module_leaves_the_total_but_keeps_its_ticks_for_later() {
        let mut course = CourseState::from_builtin();
        course.set_ticked("welcome:hopes", true).unwrap();
        let before = course_progress(&course).overall;
        course.remove_module("welcome").unwrap();
        let without = course_progress(&course).overall;
        assert_eq!(without.total_items, before.total_items - 4);
        assert_eq!(without.done_items, 0);
        course.restore_module("welcome", Some(0)).unwrap();
        assert_eq!(course_progress(&course).overall, before);
    }

    #[test]
    fn a_days_progress_sums_its_modules() {
        let mut course = CourseState::from_builtin();
        course.set_ticked("what-is-recovery:chime", true).unwrap();
        let ids: Vec<ModuleId> = vec!["what-is-recovery".into(), "personal-recovery".into()];
        let p = modules_progress(&course, &ids);
        assert_eq!((p.done_items, p.total_items), (1, 8));
        assert_eq!(p.done_minutes, 15);
    }
}
