//! L2-regularised binary logistic regression fitted by L-BFGS: deterministic, single-threaded.
//!
//! Minimises sum_i c_i * log(1 + exp(-y_i (w.x_i + b))) + |w|^2 / (2 C), the bias unpenalised
//! (the objective of scikit-learn's `LogisticRegression(C=C)`, with optional balanced class
//! weights c_i = n / (2 n_class)).

/// Rows of sparse features.
pub struct Csr {
    pub indptr: Vec<usize>,
    pub idx: Vec<u32>,
    pub val: Vec<f32>,
    pub dim: usize,
}

impl Csr {
    pub fn new(dim: usize) -> Csr {
        Csr { indptr: vec![0], idx: Vec::new(), val: Vec::new(), dim }
    }
    pub fn push(&mut self, row: impl IntoIterator<Item = (u32, f32)>) {
        for (k, v) in row {
            self.idx.push(k);
            self.val.push(v);
        }
        self.indptr.push(self.idx.len());
    }
    pub fn rows(&self) -> usize {
        self.indptr.len() - 1
    }
    fn row(&self, i: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let (s, e) = (self.indptr[i], self.indptr[i + 1]);
        self.idx[s..e].iter().zip(&self.val[s..e]).map(|(k, v)| (*k as usize, f64::from(*v)))
    }
    pub fn dot(&self, i: usize, w: &[f64]) -> f64 {
        self.row(i).map(|(k, v)| w[k] * v).sum()
    }
}

pub struct Fit {
    pub w: Vec<f64>,
    pub b: f64,
}

/// Objective and gradient at theta = [w.., b].
fn objective(x: &Csr, y: &[bool], cw: &[f64; 2], c_reg: f64, theta: &[f64], grad: &mut [f64]) -> f64 {
    let dim = x.dim;
    let (w, b) = (&theta[..dim], theta[dim]);
    let mut f = 0.0;
    for (g, wj) in grad[..dim].iter_mut().zip(w) {
        *g = wj / c_reg;
        f += wj * wj;
    }
    f /= 2.0 * c_reg;
    let mut gb = 0.0;
    for i in 0..x.rows() {
        let s = if y[i] { 1.0 } else { -1.0 };
        let c = cw[y[i] as usize];
        let m = s * (x.dot(i, w) + b);
        // log(1 + exp(-m)), stably.
        f += c * if m > 0.0 { (-m).exp().ln_1p() } else { -m + m.exp().ln_1p() };
        let d = -s * c / (1.0 + m.exp()); // d loss / d z
        gb += d;
        for (k, v) in x.row(i) {
            grad[k] += d * v;
        }
    }
    grad[dim] = gb;
    f
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

pub fn fit(x: &Csr, y: &[bool], c_reg: f64, balanced: bool, max_iter: usize) -> Fit {
    let n = y.len() as f64;
    let pos = y.iter().filter(|v| **v).count() as f64;
    let cw = if balanced && pos > 0.0 && pos < n { [n / (2.0 * (n - pos)), n / (2.0 * pos)] } else { [1.0, 1.0] };
    let d = x.dim + 1;
    let mut theta = vec![0.0; d];
    let mut grad = vec![0.0; d];
    let mut f = objective(x, y, &cw, c_reg, &theta, &mut grad);
    let m = 10;
    let mut s_hist: Vec<Vec<f64>> = Vec::new();
    let mut y_hist: Vec<Vec<f64>> = Vec::new();
    let mut rho: Vec<f64> = Vec::new();
    let mut new_theta = vec![0.0; d];
    let mut new_grad = vec![0.0; d];
    let mut stalled = 0;
    for _ in 0..max_iter {
        let gmax = grad.iter().fold(0.0f64, |a, g| a.max(g.abs()));
        if gmax < 1e-6 {
            break;
        }
        // Two-loop recursion: direction = -H grad.
        let mut q = grad.clone();
        let k = s_hist.len();
        let mut alpha = vec![0.0; k];
        for i in (0..k).rev() {
            alpha[i] = rho[i] * dot(&s_hist[i], &q);
            for (qj, yj) in q.iter_mut().zip(&y_hist[i]) {
                *qj -= alpha[i] * yj;
            }
        }
        let gamma = if k > 0 {
            dot(&s_hist[k - 1], &y_hist[k - 1]) / dot(&y_hist[k - 1], &y_hist[k - 1])
        } else {
            1.0 / dot(&grad, &grad).sqrt()
        };
        for qj in q.iter_mut() {
            *qj *= gamma;
        }
        for i in 0..k {
            let beta = rho[i] * dot(&y_hist[i], &q);
            for (qj, sj) in q.iter_mut().zip(&s_hist[i]) {
                *qj += sj * (alpha[i] - beta);
            }
        }
        let dir: Vec<f64> = q.iter().map(|v| -v).collect();
        let mut slope = dot(&grad, &dir);
        let dir = if slope >= 0.0 {
            // Not a descent direction: restart from steepest descent.
            s_hist.clear();
            y_hist.clear();
            rho.clear();
            let g: Vec<f64> = grad.iter().map(|v| -v / dot(&grad, &grad).sqrt()).collect();
            slope = dot(&grad, &g);
            g
        } else {
            dir
        };
        // Backtracking (Armijo).
        let mut step = 1.0;
        let mut new_f;
        loop {
            for j in 0..d {
                new_theta[j] = theta[j] + step * dir[j];
            }
            new_f = objective(x, y, &cw, c_reg, &new_theta, &mut new_grad);
            if new_f <= f + 1e-4 * step * slope || step < 1e-12 {
                break;
            }
            step *= 0.5;
        }
        let s: Vec<f64> = (0..d).map(|j| new_theta[j] - theta[j]).collect();
        let yv: Vec<f64> = (0..d).map(|j| new_grad[j] - grad[j]).collect();
        let sy = dot(&s, &yv);
        if sy > 1e-12 {
            if s_hist.len() == m {
                s_hist.remove(0);
                y_hist.remove(0);
                rho.remove(0);
            }
            s_hist.push(s);
            y_hist.push(yv);
            rho.push(1.0 / sy);
        }
        let improvement = (f - new_f) / f.abs().max(1.0);
        std::mem::swap(&mut theta, &mut new_theta);
        std::mem::swap(&mut grad, &mut new_grad);
        f = new_f;
        stalled = if improvement < 1e-10 { stalled + 1 } else { 0 };
        if stalled >= 3 {
            break;
        }
    }
    let b = theta[x.dim];
    theta.truncate(x.dim);
    Fit { w: theta, b }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_a_toy_problem() {
        let mut x = Csr::new(3);
        let rows = [
            (vec![(0, 1.0)], true),
            (vec![(0, 1.0), (2, 0.5)], true),
            (vec![(1, 1.0)], false),
            (vec![(1, 1.0), (2, 0.5)], false),
        ];
        let y: Vec<bool> = rows.iter().map(|r| r.1).collect();
        for (r, _) in rows {
            x.push(r);
        }
        let fit = fit(&x, &y, 10.0, true, 200);
        assert!(fit.w[0] > 1.0 && fit.w[1] < -1.0, "{:?}", fit.w);
        assert!((0..4).all(|i| (x.dot(i, &fit.w) + fit.b > 0.0) == y[i]));
    }
}
