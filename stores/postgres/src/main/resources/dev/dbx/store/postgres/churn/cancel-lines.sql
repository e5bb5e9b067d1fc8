UPDATE lineitem SET l_returnflag = 'R', l_linestatus = 'F' WHERE l_orderkey = ?;
