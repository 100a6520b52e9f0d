// missing: user:qmaild group:nofiles
