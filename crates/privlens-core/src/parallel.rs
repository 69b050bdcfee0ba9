//! Parts of a scan at once, where the build has threads.

use std::sync::{Mutex, OnceLock, PoisonError};

/// Below this much text a second thread costs more than it saves.
const MIN_BYTES: usize = 16 * 1024;

/// Whether a page's segments hold enough text to repay a second thread.
pub fn worth_a_thread(segments: &[crate::extract::RawSegment]) -> bool {
    segments.iter().map(|s| s.text.len()).sum::<usize>() >= MIN_BYTES
}

/// One piece of a scan's work for [`share`]: it writes its result where it was told.
pub type Task<'a> = Box<dyn FnOnce() + Send + 'a>;

/// Runs every task, taken in the order given, on the calling thread and, when `parallel` and
/// the build has threads, on one more (wasm in the browser has one: there, one after the
/// other). Each thread takes the next task not yet started, so the two finish close together
/// however the work is spread; a task that needs another's result waits for it, which is safe
/// as long as it comes later in the list.
pub fn share(parallel: bool, tasks: Vec<Task<'_>>) {
    let queue = Mutex::new(tasks.into_iter());
    // The lock is held only while a task is taken, not while it runs.
    let next = || queue.lock().unwrap_or_else(PoisonError::into_inner).next();
    let work = || {
        while let Some(task) = next() {
            task();
        }
    };
    #[cfg(not(target_arch = "wasm32"))]
    if parallel {
        std::thread::scope(|scope| {
            scope.spawn(work);
            work();
        });
        return;
    }
    let _ = parallel;
    work();
}

/// A result one task makes and later tasks wait for. Should the maker panic, the waiters panic
/// too, rather than wait for ever (the scan's panic then reaches its caller, as any other).
pub struct Ready<T>(OnceLock<Option<T>>);

impl<T> Default for Ready<T> {
    fn default() -> Self {
        Ready(OnceLock::new())
    }
}

impl<T> Ready<T> {
    /// Makes the value with `make`, once, and returns it.
    pub fn make(&self, make: impl FnOnce() -> T) -> &T {
        /// Marks the value as never coming when dropped during a panic.
        struct Failed<'a, T>(&'a OnceLock<Option<T>>);
        impl<T> Drop for Failed<'_, T> {
            fn drop(&mut self) {
                if std::thread::panicking() {
                    let _ = self.0.set(None);
                }
            }
        }
        let _failed = Failed(&self.0);
        self.0.get_or_init(|| Some(make())).as_ref().expect("made above")
    }

    /// The value, once made (blocking until then).
    pub fn wait(&self) -> &T {
        self.0.wait().as_ref().expect("the task making this value failed")
    }

    /// The value, if made.
    pub fn get(&self) -> Option<&T> {
        self.0.get().and_then(Option::as_ref)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_task_runs_once_and_writes_its_own_result() {
        for parallel in [false, true] {
            let mut results = vec![0usize; 40];
            let tasks: Vec<Task> =
                results.iter_mut().enumerate().map(|(i, slot)| Box::new(move || *slot += i * i) as Task).collect();
            share(parallel, tasks);
            assert_eq!(results, (0..40).map(|i| i * i).collect::<Vec<_>>(), "parallel: {parallel}");
        }
    }

    #[test]
    fn a_later_task_can_wait_for_an_earlier_one() {
        for parallel in [false, true] {
            let first = Ready::default();
            let mut second = 0;
            share(
                parallel,
                vec![
                    Box::new(|| {
                        first.make(|| 21);
                    }),
                    Box::new(|| second = first.wait() * 2),
                ],
            );
            assert_eq!(second, 42);
        }
    }

    #[test]
    fn a_panic_in_a_task_others_wait_for_reaches_the_caller() {
        let first: Ready<u32> = Ready::default();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            share(
                true,
                vec![
                    Box::new(|| {
                        first.make(|| panic!("no value"));
                    }),
                    Box::new(|| {
                        first.wait();
                    }),
                ],
            );
        }));
        assert!(outcome.is_err());
    }
}
