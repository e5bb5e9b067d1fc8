ANALYZE usertable;
