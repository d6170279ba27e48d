// OKR Ledger dashboard charts (Chart.js from its WebJar). The data comes from the page itself, in
// data attributes written by the server; nothing is fetched and nothing runs inline (the content
// security policy allows only files of this service).
(function () {
    'use strict';

    const INK = '#1d2430';
    const PROGRESS = '#1f5fbf';
    const MEASURED = '#0b3d7a';
    const CONFIDENCE = '#8a5200';
    const PIVOT = '#6b3fa0';
    const TARGET = '#0b6e79';
    const BANDS = [
        {name: 'GREEN', fill: 'rgba(23, 112, 58, 0.10)', text: '#17703a'},
        {name: 'AMBER', fill: 'rgba(138, 82, 0, 0.10)', text: '#8a5200'},
        {name: 'RED', fill: 'rgba(180, 35, 24, 0.10)', text: '#b42318'}
    ];
    const TEAM_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot'];
    const TEAM_COLOURS = ['#1f5fbf', '#b42318', '#17703a', '#6b3fa0', '#8a5200', '#0b6e79'];

    // Confidence bands as shaded areas of the right axis, each named in its area: never colour alone.
    const bandAreas = {
        id: 'bandAreas',
        beforeDatasetsDraw(chart, args, options) {
            const y = chart.scales.confidence;
            const area = chart.chartArea;
            if (!y || !options.greenFrom) {
                return;
            }
            const ranges = [
                {band: BANDS[0], from: options.greenFrom - 0.5, to: 10},
                {band: BANDS[1], from: options.amberFrom - 0.5, to: options.greenFrom - 0.5},
                {band: BANDS[2], from: 0, to: options.amberFrom - 0.5}
            ];
            const ctx = chart.ctx;
            ctx.save();
            for (const r of ranges) {
                const top = y.getPixelForValue(r.to);
                const bottom = y.getPixelForValue(r.from);
                ctx.fillStyle = r.band.fill;
                ctx.fillRect(area.left, top, area.right - area.left, bottom - top);
                ctx.fillStyle = r.band.text;
                ctx.font = '600 11px system-ui, sans-serif';
                ctx.textAlign = 'left';
                ctx.fillText(r.band.name + ' band', area.left + 6, top + 14);
            }
            ctx.restore();
        }
    };

    function keyResultChart(canvas) {
        const data = JSON.parse(canvas.dataset.chart);
        const label = (point) => point.label;
        const markers = (list, y) => list.map(m => ({x: m.x, y: y, label: m.label}));
        return new Chart(canvas, {
            data: {
                datasets: [
                    {
                        // a measured value keeps its place on the line; the last data set draws its marker
                        type: 'line', label: 'Progress (% of the way to target)', yAxisID: 'progress',
                        data: data.progress, borderColor: PROGRESS, backgroundColor: PROGRESS,
                        pointRadius: data.progress.map(p => p.measured ? 0 : 4),
                        pointHoverRadius: data.progress.map(p => p.measured ? 0 : 6), borderWidth: 2.5, tension: 0
                    },
                    {
                        type: 'line', label: 'Expected progress (%)', yAxisID: 'progress', data: data.expected,
                        borderColor: INK, backgroundColor: INK, borderDash: [6, 4], pointRadius: 2, borderWidth: 1.5,
                        tension: 0
                    },
                    {
                        type: 'line', label: 'Confidence (0–10)', yAxisID: 'confidence', data: data.confidence,
                        borderColor: CONFIDENCE, backgroundColor: CONFIDENCE, pointStyle: 'rect', pointRadius: 4,
                        borderWidth: 2, stepped: false, tension: 0
                    },
                    {
                        type: 'scatter', label: 'Pivot', yAxisID: 'progress', data: markers(data.pivots, 96),
                        pointStyle: 'triangle', pointRadius: 8, clip: false, borderColor: PIVOT, backgroundColor: PIVOT
                    },
                    {
                        type: 'scatter', label: 'Target change', yAxisID: 'progress', data: markers(data.targetChanges, 88),
                        pointStyle: 'rectRot', pointRadius: 8, clip: false, borderColor: TARGET, backgroundColor: TARGET
                    },
                    {
                        // last, so the data sets before it keep their places
                        type: 'scatter', label: 'Measured by a data source (no confidence)', yAxisID: 'progress',
                        data: data.progress.filter(p => p.measured), pointStyle: 'crossRot', pointRadius: 7,
                        pointHoverRadius: 9, borderWidth: 2.5, borderColor: MEASURED, backgroundColor: MEASURED
                    }
                ]
            },
            options: {
                maintainAspectRatio: false,
                animation: false,
                interaction: {mode: 'nearest', intersect: false},
                scales: {
                    x: {
                        type: 'linear', min: 0, max: Math.ceil(data.weeks),
                        title: {display: true, text: 'week of the cycle'}, ticks: {stepSize: 1}
                    },
                    progress: {
                        type: 'linear', position: 'left', min: 0, max: 100,
                        title: {display: true, text: 'progress (%) from baseline to target (' + data.unit + ')'}
                    },
                    confidence: {
                        type: 'linear', position: 'right', min: 0, max: 10, grid: {drawOnChartArea: false},
                        title: {display: true, text: 'confidence (0–10)'}, ticks: {stepSize: 1}
                    }
                },
                plugins: {
                    legend: {
                        position: 'bottom',
                        // data sets without points (no pivot, target change or measurement) stay out of the legend
                        labels: {usePointStyle: true, filter: (item, chart) => chart.datasets[item.datasetIndex].data.length > 0}
                    },
                    tooltip: {callbacks: {label: (item) => item.dataset.label + ' – ' + label(item.raw)}},
                    bandAreas: {greenFrom: data.greenFrom, amberFrom: data.amberFrom}
                }
            },
            plugins: [bandAreas]
        });
    }

    function calibrationChart(canvas) {
        const data = JSON.parse(canvas.dataset.calibration);
        const datasets = data.teams.map((team, i) => ({
            type: 'scatter', label: 'team ' + team.team, data: team.points, clip: false,
            pointStyle: TEAM_STYLES[i % TEAM_STYLES.length], pointRadius: 6,
            borderColor: TEAM_COLOURS[i % TEAM_COLOURS.length], backgroundColor: TEAM_COLOURS[i % TEAM_COLOURS.length] + '99'
        }));
        datasets.push({
            type: 'line', label: 'perfect calibration', data: [{x: 0, y: 0, label: ''}, {x: 10, y: 100, label: ''}],
            borderColor: INK, borderDash: [6, 4], pointRadius: 0, borderWidth: 1.5
        });
        return new Chart(canvas, {
            data: {datasets: datasets},
            options: {
                maintainAspectRatio: false,
                animation: false,
                scales: {
                    x: {type: 'linear', min: 0, max: 10, title: {display: true, text: 'confidence at the check-in (0–10)'}},
                    y: {type: 'linear', min: 0, max: 100, title: {display: true, text: 'final score of the key result (%)'}}
                },
                plugins: {
                    legend: {position: 'bottom', labels: {usePointStyle: true}},
                    tooltip: {callbacks: {label: (item) => item.raw.label || item.dataset.label}}
                }
            }
        });
    }

    function start() {
        if (typeof Chart === 'undefined') {
            return;
        }
        document.querySelectorAll('canvas[data-chart]').forEach(keyResultChart);
        document.querySelectorAll('canvas[data-calibration]').forEach(calibrationChart);
    }

    document.addEventListener('DOMContentLoaded', start);
})();
