// Package model is the site model: every figure and link the site shows,
// as typed Go values. Package compile builds it from the checked data (it
// keeps the derivations: every sum, deviation and link is computed there
// and tested); package sitedata writes it as the JSON files the Hugo
// templates read; reconcile, export, feed, chart and searchindex read it.
// The types live in a package of their own, not in sitedata, because
// sitedata also writes what export, feed and reconcile derive from the
// model, so those packages cannot import sitedata.
//
// The JSON keys follow sitedata's naming rule (Norwegian, lower-case snake
// case). Codes (status, fase, type) are emitted as codes; the templates
// turn them into bokmål or nynorsk through i18n. Money is emitted as whole
// kroner and as Norwegian text ("1 250 000 kr").
//
// Each file is named after the file of package compile that derives its
// types, so "(rapport.go)" in a comment here names both the types and
// their derivation.
package model
