import { Link, useNavigate } from 'react-router';
import { visibleText } from '../../lib/visibleText';
import { trailAt, withTrailState } from '../../model/trail';
import { viewTitle } from '../../model/viewTitle';
import { useSplitController } from './splitContext';

const TITLE_CHARS = 40;

/**
 * The investigation path under the top bar: the views this tab went through (metric → trace → logs),
 * each a link, with Back and Forward along it. A lazy chunk (`Breadcrumbs.tsx` shows it from two steps).
 */
export default function BreadcrumbTrail() {
  const controller = useSplitController();
  const navigate = useNavigate();
  if (!controller || controller.trail.steps.length < 2) return null;
  const { steps, at } = controller.trail;
  const goTo = (i: number) => void navigate(steps[i]!, { state: withTrailState(null, trailAt(controller.trail, i)) });
  return (
    <nav className="breadcrumbs" aria-label="Investigation path">
      <button type="button" className="tool-button" aria-label="Back" title="Back along the path" disabled={at === 0} onClick={() => goTo(at - 1)}>
        ←
      </button>
      <button type="button" className="tool-button" aria-label="Forward" title="Forward along the path" disabled={at >= steps.length - 1} onClick={() => goTo(at + 1)}>
        →
      </button>
      <ol>
        {steps.map((href, i) => {
          const title = visibleText(viewTitle(href), TITLE_CHARS);
          return (
            <li key={`${i}:${href}`} className={i > at ? 'crumb-ahead' : undefined}>
              <Link to={href} state={withTrailState(null, trailAt(controller.trail, i))} aria-current={i === at ? 'step' : undefined} title={title.title}>
                {title.text}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
