//! The A–E grade. The rubric (also in docs/GRADING.md): each good signal adds its severity,
//! each bad signal subtracts its severity; the sum maps to a letter by the bands below.

use crate::report::{Direction, Grade, Signal};

/// Lowest score for each letter, best first; anything lower is E.
const BANDS: &[(i32, char)] = &[(4, 'A'), (1, 'B'), (-2, 'C'), (-5, 'D')];

pub fn grade(signals: &[Signal], is_policy: bool) -> Grade {
    let score: i32 = signals
        .iter()
        .map(|s| match s.direction {
            Direction::Good => i32::from(s.severity),
            Direction::Bad => -i32::from(s.severity),
        })
        .sum();
    let letter = is_policy.then(|| BANDS.iter().find(|(min, _)| score >= *min).map_or('E', |(_, l)| *l));
    let moved_by = if is_policy { signals.iter().map(|s| s.id.clone()).collect() } else { Vec::new() };
    Grade { letter, score, moved_by }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(direction: Direction, severity: u8) -> Signal {
        Signal { id: "x".into(), direction, severity, explanation: String::new(), evidence: vec![] }
    }

    #[test]
    fn bands_map_scores_to_letters() {
        let g = |s: &[Signal]| grade(s, true).letter.unwrap();
        assert_eq!(g(&[sig(Direction::Good, 2), sig(Direction::Good, 2)]), 'A');
        assert_eq!(g(&[sig(Direction::Good, 1)]), 'B');
        assert_eq!(g(&[]), 'C');
        assert_eq!(g(&[sig(Direction::Bad, 3)]), 'D');
        assert_eq!(g(&[sig(Direction::Bad, 3), sig(Direction::Bad, 3)]), 'E');
        assert_eq!(grade(&[], false).letter, None);
    }
}
