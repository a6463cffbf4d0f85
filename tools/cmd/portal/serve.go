package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/openkommune/portal/tools/build"
)

func runServe(args []string) int {
	_, o := buildFlags("serve", args)
	addr := "localhost:1313"
	if v := os.Getenv("PORTAL_ADDR"); v != "" {
		addr = v
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := build.Serve(ctx, *o, addr); err != nil && ctx.Err() == nil {
		printErr("portal serve", err)
		return 1
	}
	return 0
}
