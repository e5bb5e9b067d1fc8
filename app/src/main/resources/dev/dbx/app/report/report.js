// dbx report: draws each chart the page describes, with uPlot, from the JSON embedded in the page.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("dbx-report-data").textContent);

  // x = 1/(1-p) on the percentile axis: 1 is 0%, 10 is 90%, 100 is 99%...
  function percentileLabel(x) {
    var p = 100 * (1 - 1 / x);
    var digits = Math.max(0, Math.min(6, Math.ceil(Math.log10(x)) - 2));
    return trimZeros(p.toFixed(digits)) + "%";
  }

  function trimZeros(text) {
    return text.indexOf(".") < 0 ? text : text.replace(/0+$/, "").replace(/\.$/, "");
  }

  function numberLabel(v) {
    if (v == null) {
      return "--";
    }
    var abs = Math.abs(v);
    var digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
    return v.toLocaleString("en", { maximumFractionDigits: digits });
  }

  function scale(kind) {
    if (kind === "log10") {
      return { distr: 3, log: 10 };
    }
    if (kind === "log2") {
      return { distr: 3, log: 2 };
    }
    return {};
  }

  // a log axis gets one labelled tick per power of ten (uPlot's minor ticks would crowd the labels)
  function decades(u, axisIdx, min, max) {
    var ticks = [];
    for (var e = Math.floor(Math.log10(min) + 1e-9); Math.pow(10, e) <= max * 1.0001; e++) {
      if (Math.pow(10, e) >= min * 0.9999) {
        ticks.push(Math.pow(10, e));
      }
    }
    return ticks;
  }

  function yAxis(plot) {
    var axis = {
      label: plot.yLabel,
      size: 70,
      values: function (u, splits) {
        return splits.map(numberLabel);
      },
    };
    if (plot.yScale === "log10") {
      axis.splits = decades;
    }
    return axis;
  }

  function xAxis(plot) {
    var axis = { label: plot.xLabel };
    if (plot.xFormat === "percentile") {
      // one tick per decade of 1/(1-p): 0%, 90%, 99%, 99.9%...
      axis.splits = decades;
      axis.values = function (u, splits) {
        return splits.map(percentileLabel);
      };
    } else if (plot.xFormat === "category") {
      axis.splits = function () {
        return plot.x;
      };
      axis.values = function (u, splits) {
        return splits.map(function (i) {
          return plot.categories[i] === undefined ? "" : plot.categories[i];
        });
      };
    } else if (plot.xScale === "log2") {
      axis.splits = function () {
        return plot.x;
      };
      axis.values = function (u, splits) {
        return splits.map(numberLabel);
      };
    }
    return axis;
  }

  function xSeries(plot) {
    var series = { label: plot.xLabel };
    if (plot.xFormat === "percentile") {
      series.value = function (u, v) {
        return v == null ? "--" : percentileLabel(v);
      };
    } else if (plot.xFormat === "category") {
      series.value = function (u, v) {
        return v == null ? "--" : plot.categories[Math.round(v)];
      };
    }
    return series;
  }

  function options(plot, width) {
    var bars = plot.kind === "bars";
    // "points": a dot per value, no line between categories (a line would suggest an order that is not there)
    var points = plot.kind === "points";
    var xScale = Object.assign({ time: false }, scale(plot.xScale));
    if (bars || points) {
      xScale.range = function () {
        return [-0.5, plot.categories.length - 0.5];
      };
    }
    var yScale = scale(plot.yScale);
    if (plot.yScale === "linear") {
      // from zero: a dip of 5% must look like 5%, not like a collapse
      yScale.range = function (u, min, max) {
        return [0, max > 0 ? max * 1.08 : 1];
      };
    }
    return {
      width: width,
      height: 320,
      // room on the right for the last x label
      padding: [16, 36, 0, 0],
      scales: { x: xScale, y: yScale },
      axes: [xAxis(plot), yAxis(plot)],
      series: [xSeries(plot)].concat(plot.series.map(function (s) {
        var series = {
          label: s.label,
          stroke: s.color,
          width: 2,
          value: function (u, v) {
            return numberLabel(v);
          },
        };
        if (s.dashed) {
          series.dash = [6, 4];
        }
        if (bars) {
          series.paths = uPlot.paths.bars({ size: [0.6, 120] });
          series.fill = s.color;
          series.points = { show: false };
        } else if (points) {
          series.paths = function () {
            return null;
          };
          series.points = { show: true, size: 9, fill: s.color };
        } else {
          series.points = { show: plot.x.length <= 12, size: 6 };
        }
        return series;
      })),
    };
  }

  function draw(chart) {
    var element = document.getElementById(chart.id);
    var width = Math.max(360, Math.min(element.clientWidth || 900, 1200));
    var plot = chart.plot;
    var values = [plot.x].concat(plot.series.map(function (s) {
      return s.values;
    }));
    new uPlot(options(plot, width), values, element);
  }

  data.charts.forEach(draw);
  // for readers and tests: every chart was drawn without an error
  document.body.setAttribute("data-charts-drawn", String(data.charts.length));
})();
