//! Disjoint sets (union-find with path halving): quotes, entities and facts of several articles
//! are all grouped by linking pairs, then read back as groups.

/// A partition of `0..n`.
#[derive(Debug, Clone)]
pub(crate) struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    /// `n` singletons.
    pub(crate) fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    /// The representative of `i`'s set: its smallest member.
    pub(crate) fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Merges the sets of `a` and `b`.
    pub(crate) fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        self.parent[ra.max(rb)] = ra.min(rb);
    }

    /// The sets, each in increasing order, ordered by their smallest member.
    pub(crate) fn groups(&mut self) -> Vec<Vec<usize>> {
        let mut index_of_root = vec![usize::MAX; self.parent.len()];
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for i in 0..self.parent.len() {
            let r = self.root(i);
            if index_of_root[r] == usize::MAX {
                index_of_root[r] = groups.len();
                groups.push(Vec::new());
            }
            groups[index_of_root[r]].push(i);
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_members_form_groups_in_order() {
        let mut sets = DisjointSets::new(6);
        sets.join(4, 1);
        sets.join(5, 4);
        sets.join(2, 3);
        assert_eq!(sets.groups(), [vec![0], vec![1, 4, 5], vec![2, 3]]);
        assert_eq!(sets.root(5), 1);
    }
}
