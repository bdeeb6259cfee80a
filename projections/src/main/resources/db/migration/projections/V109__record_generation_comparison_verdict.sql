-- The switch decides on this verdict; the comparison text is for people. Comparisons made before this column existed
-- wrote the verdict only into their sentence ("Generations 1 and 2 are equal at position ..."), read here once.
alter table projection_generation add column comparison_equal boolean;

update projection_generation
set comparison_equal = comparison like 'Generations % are equal at position %'
where comparison is not null;
