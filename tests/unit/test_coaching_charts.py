"""The training-effect scatter's axes follow the data, in whole 25-point steps."""

from lab.coaching.charts import HEIGHT, WIDTH, Axes, Range, scatter, span_of


def test_span_fits_the_data_and_stays_readable():
    assert span_of([42, 55, 68]) == Range(25, 75)
    assert span_of([60, 60]) == Range(50, 100)
    assert span_of([-100, 100]) == Range(-100, 100)
    assert span_of([95, 100]) == Range(50, 100)  # at least 50 points wide, never past +100
    assert span_of([]) == Range(-100, 100)
    assert Range(25, 75).ticks == [25, 50, 75]


def test_dots_are_numbered_and_inside_the_plot():
    dots = scatter([("Anna", 40, 55, 30, 80, True), ("Boris", 70, 65, 20, 95, False)])
    assert [d.number for d in dots] == [1, 2]
    for dot in dots:
        assert 0 < dot.x < WIDTH and 0 < dot.y_high <= dot.y <= dot.y_low < HEIGHT


def test_values_outside_the_span_are_clipped_to_its_edge():
    frame = Axes(Range(0, 50), Range(0, 50))
    assert frame.y_of(-80) == frame.y_of(0)
